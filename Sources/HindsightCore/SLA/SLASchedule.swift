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

    /// Whether `sla` applies on the local day `day`.
    public static func isInForce(_ sla: ServiceLevelAgreement, on day: CalendarDate) -> Bool {
        if let from = sla.effectiveFrom, day < from { return false }
        if let until = sla.effectiveUntil, until < day { return false }
        return true
    }
}
