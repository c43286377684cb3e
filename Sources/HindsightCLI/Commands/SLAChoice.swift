import HindsightCore

/// Picks one SLA of a service by `--effective-from`, as `sla change` and `sla remove` do: the day
/// it takes effect, or `always` for the one without a start, and without the option the
/// service's only SLA.
struct SLAChoice {
    /// The service whose SLAs are picked from.
    let service: String
    /// `--effective-from` as given (a date already checked, or `always`), or nil.
    let effectiveFrom: String?
    /// What to do when the service has no SLA at all, appended to the message that says so.
    let whenNone: String

    /// The SLA among `stored` (the service's SLAs) that the options name.
    /// - Throws: ``CLIError`` with exit 64 when the service has several SLAs and none is named
    ///   (the message lists the `--effective-from` of each), and exit 65 when it has none or
    ///   none from the day named.
    func pick(from stored: [ServiceLevelAgreement]) throws -> ServiceLevelAgreement {
        let listing = stored.map { "--effective-from \($0.effectiveFrom?.description ?? "always")" }.joined(separator: ", ")
        guard let effectiveFrom else {
            guard stored.count == 1, let only = stored.first else {
                throw CLIError(stored.isEmpty ? .dataError : .usage, stored.isEmpty
                    ? "error: \(service) has no SLA; \(whenNone)"
                    : "error: \(service) has \(stored.count) SLAs; pick one with \(listing)")
            }
            return only
        }
        let wanted = effectiveFrom == "always" ? nil : try CalendarDate(parsing: effectiveFrom)
        guard let match = stored.first(where: { $0.effectiveFrom == wanted }) else {
            throw CLIError(.dataError, "error: \(service) has no SLA effective from \(effectiveFrom)"
                + (stored.isEmpty ? ", nor any other; \(whenNone)" : "; its SLAs: \(listing)"))
        }
        return match
    }
}
