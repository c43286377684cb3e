/// Which SLA judges which window: each window is judged by the SLA in force on its first local
/// day, so a window that starts before an SLA's `effective_from` belongs to the SLA before it, or
/// to none.
public enum SLASchedule {
    /// Every window of every SLA in `slas` that overlaps `span` and starts while that SLA is in
    /// force, ordered by start and then by SLA position.
    /// - Throws: ``ValueParseError`` when an SLA names a time zone this machine does not know.
    public static func windows(of slas: [ServiceLevelAgreement], overlapping span: InstantSpan) throws
        -> [(sla: ServiceLevelAgreement, window: SLAWindow)] {
        var result: [(sla: ServiceLevelAgreement, window: SLAWindow)] = []
        for sla in slas {
            let calendar = try LocalCalendar(timeZoneName: sla.timeZone)
            for window in SLAWindow.overlapping(span, kind: sla.window, calendar: calendar)
            where isInForce(sla, on: window.firstDay) {
                result.append((sla, window))
            }
        }
        return result.enumerated()
            .sorted { ($0.element.window.span.start, $0.offset) < ($1.element.window.span.start, $1.offset) }
            .map(\.element)
    }

    /// The window of each SLA in force at `instant` that contains it.
    public static func currentWindows(of slas: [ServiceLevelAgreement], at instant: Instant) throws
        -> [(sla: ServiceLevelAgreement, window: SLAWindow)] {
        try windows(of: slas, overlapping: InstantSpan(start: instant, end: instant.adding(milliseconds: 1)))
    }

    /// The first window `sla` judges: the one that starts on its `effective_from` day, or else
    /// the next one (a window that starts earlier belongs to the SLA before). Nil when the SLA
    /// has no `effective_from` (it judges windows since always) or when none of its windows
    /// starts while it is in force.
    /// - Throws: ``ValueParseError`` when the SLA names a time zone this machine does not know.
    public static func firstWindow(of sla: ServiceLevelAgreement) throws -> SLAWindow? {
        guard let from = sla.effectiveFrom else { return nil }
        let calendar = try LocalCalendar(timeZoneName: sla.timeZone)
        var window = SLAWindow.containing(calendar.startOfDay(from), kind: sla.window, calendar: calendar)
        if window.firstDay < from {
            window = SLAWindow.containing(window.span.end, kind: sla.window, calendar: calendar)
        }
        return isInForce(sla, on: window.firstDay) ? window : nil
    }

    /// The last window `sla` judges: the one that contains its `effective_until` day, which runs
    /// to its own end although the SLA stops before. Nil when the SLA has no `effective_until` or
    /// when none of its windows starts while it is in force.
    /// - Throws: ``ValueParseError`` when the SLA names a time zone this machine does not know.
    public static func lastWindow(of sla: ServiceLevelAgreement) throws -> SLAWindow? {
        guard let until = sla.effectiveUntil else { return nil }
        let calendar = try LocalCalendar(timeZoneName: sla.timeZone)
        let window = SLAWindow.containing(calendar.startOfDay(until), kind: sla.window, calendar: calendar)
        return isInForce(sla, on: window.firstDay) ? window : nil
    }

    /// Whether `sla` applies on the local day `day`.
    public static func isInForce(_ sla: ServiceLevelAgreement, on day: CalendarDate) -> Bool {
        if let from = sla.effectiveFrom, day < from { return false }
        if let until = sla.effectiveUntil, until < day { return false }
        return true
    }
}
