import HindsightCore

/// What `budget` says about the services it lists no window for: that no SLA is recorded, or for
/// each SLA when its windows start or when they ended. An SLA that exists but has no window open
/// then (its first window starts later, or its last one is over) is not reported as missing.
enum NoOpenWindowText {
    /// The lines for standard error when no SLA window is open at `asOf`: `slas` are the SLAs of
    /// the services asked about, `withoutSLA` the services `--service` named that have none.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    static func text(slas: [ServiceLevelAgreement], withoutSLA: [String], asOf: Instant) throws -> String {
        guard !slas.isEmpty else {
            let services = withoutSLA.isEmpty ? "any service" : withoutSLA.joined(separator: ", ")
            return "No SLA is recorded for \(services); add one with 'hindsight sla add' or an import.\n"
        }
        let lines = ["No SLA has a window open at \(asOf):"] + (try reasons(slas, withoutSLA: withoutSLA, asOf: asOf))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The note under a table that lists some windows, about the services asked about that have
    /// none listed: `slas` are their SLAs, `withoutSLA` those `--service` named that have none (a
    /// service without an SLA that was not asked for is none `budget` is about). Nil when there
    /// is nothing to say.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    static func note(slas: [ServiceLevelAgreement], withoutSLA: [String], asOf: Instant) throws -> String? {
        let reasons = try reasons(slas, withoutSLA: withoutSLA, asOf: asOf)
        guard !reasons.isEmpty else { return nil }
        let lines = ["No window is open at \(asOf) for these services, so they are not listed:"] + reasons
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line for each of `slas` and each service of `withoutSLA`, by service id; a service's
    /// SLAs keep their order.
    private static func reasons(_ slas: [ServiceLevelAgreement], withoutSLA: [String], asOf: Instant) throws -> [String] {
        let lines = try slas.map { ($0.serviceID, try reason($0, asOf: asOf)) } + withoutSLA.map { ($0, "no SLA is recorded") }
        return lines.enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map { "  \($0.element.0): \($0.element.1)" }
    }

    /// Why `sla` has no window open at `asOf`.
    private static func reason(_ sla: ServiceLevelAgreement, asOf: Instant) throws -> String {
        let name = "the SLA" + period(sla)
        let kind = sla.window.rawValue
        if let first = try SLASchedule.firstWindow(of: sla), asOf < first.span.start {
            // An SLA that starts within a window does not judge that window, which surprises:
            // say so when that is why its first window starts after its first day.
            let why = first.firstDay == sla.effectiveFrom ? ""
                : " (a window is judged by the SLA in force on its first day)"
            return "\(name) judges \(kind) windows from \(kind) \(first.label), which starts at \(first.span.start)\(why)"
        }
        if let last = try SLASchedule.lastWindow(of: sla), last.span.end <= asOf {
            return "\(name) judged \(kind) windows up to \(kind) \(last.label), which ended at \(last.span.end)"
        }
        if sla.effectiveFrom != nil, try SLASchedule.firstWindow(of: sla) == nil {
            return "\(name) judges no window: none of its \(kind) windows starts while it is in force"
        }
        return "\(name) has no window open then"
    }

    /// ` from D`, ` until D`, ` from D until E`, or nothing for an SLA in force always.
    private static func period(_ sla: ServiceLevelAgreement) -> String {
        (sla.effectiveFrom.map { " from \($0)" } ?? "") + (sla.effectiveUntil.map { " until \($0)" } ?? "")
    }
}
