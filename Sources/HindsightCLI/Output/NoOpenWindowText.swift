import HindsightCore

/// What `budget` says when no SLA window is open at its instant: that no SLA is recorded, or for
/// each SLA when its windows start or when they ended. An SLA that exists but has no window open
/// then (its first window starts later, or its last one is over) is not reported as missing.
enum NoOpenWindowText {
    /// The lines for standard error, for `slas`, the SLAs of the services asked about
    /// (`serviceIDs`, or every service when empty), none of which has a window open at `asOf`.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    static func text(slas: [ServiceLevelAgreement], serviceIDs: [String], asOf: Instant) throws -> String {
        guard !slas.isEmpty else {
            let services = serviceIDs.isEmpty ? "any service" : serviceIDs.joined(separator: ", ")
            return "No SLA is recorded for \(services); add one with 'hindsight sla add' or an import.\n"
        }
        var lines = ["No SLA has a window open at \(asOf):"]
        for sla in slas {
            lines.append("  \(sla.serviceID): " + (try reason(sla, asOf: asOf)))
        }
        return lines.joined(separator: "\n") + "\n"
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
