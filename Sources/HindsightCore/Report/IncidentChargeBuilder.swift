/// Computes what one incident cost each SLA window its impacts reach, by the rules and the
/// per-incident attribution of ``SLAReportBuilder``: no storage, only the SLA arithmetic.
public enum IncidentChargeBuilder {
    /// The stretch of a service's history the charges need: every window of `slas` that one of
    /// the incident's `impacts` on the service reaches, cut off at the as-of instant. Nil when
    /// the impacts reach no window (no SLA in force then, or nothing before `asOf`).
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    public static func neededSpan(of slas: [ServiceLevelAgreement], impacts: [DowntimeInterval], asOf: Instant) throws
        -> InstantSpan? {
        let windows = try touchedWindows(of: slas, impacts: impacts, asOf: asOf).map(\.window.span)
        guard let start = windows.map(\.start).min(), let end = windows.map(\.end).max() else { return nil }
        return InstantSpan(start: start, end: min(end, asOf))
    }

    /// The charges of incident `incidentID`, service by service in the order of `histories`
    /// sorted by service id, each service's windows in order.
    /// - Parameter histories: one per service the incident hit, each loaded over at least
    ///   ``neededSpan(of:impacts:asOf:)``; the incident's own impacts are found among them.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    public static func charges(incidentID: String, histories: [ServiceHistory], asOf: Instant) throws
        -> [IncidentWindowCharge] {
        var result: [IncidentWindowCharge] = []
        for history in histories.sorted(by: { $0.serviceID < $1.serviceID }) {
            let own = history.impacts.filter { $0.incidentID == incidentID }
            for (sla, window) in try touchedWindows(of: history.slas, impacts: own, asOf: asOf) {
                let (evaluation, profile) = history.evaluate(window, under: sla, asOf: asOf)
                result.append(IncidentWindowCharge(serviceID: history.serviceID, evaluation: evaluation,
                                                   downtime: profile.downtimeByIncident[incidentID] ?? .zero))
            }
        }
        return result
    }

    /// Every window of `slas` that one of `impacts` reaches before `asOf` (an ongoing impact
    /// lasting to it), once each, in the order of ``SLASchedule/windows(of:overlapping:)``.
    private static func touchedWindows(of slas: [ServiceLevelAgreement], impacts: [DowntimeInterval], asOf: Instant) throws
        -> [(sla: ServiceLevelAgreement, window: SLAWindow)] {
        var seen: Set<SLAWindowKey> = []
        var result: [(sla: ServiceLevelAgreement, window: SLAWindow)] = []
        for impact in impacts.sorted(by: { $0.start < $1.start }) {
            let span = InstantSpan(start: impact.start, end: impact.end ?? asOf).cut(at: asOf)
            for entry in try SLASchedule.windows(of: slas, overlapping: span)
            where seen.insert(SLAWindowKey(sla: entry.sla, window: entry.window)).inserted {
                result.append(entry)
            }
        }
        // Impacts far apart reach windows in turn, but two SLAs' windows interleave: order them
        // as a report lists them, by start and then by SLA.
        let position = Dictionary(slas.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return result.sorted {
            ($0.window.span.start, position[$0.sla] ?? 0) < ($1.window.span.start, position[$1.sla] ?? 0)
        }
    }

    /// One window of one SLA, to count it once when several impacts reach it.
    private struct SLAWindowKey: Hashable {
        let sla: ServiceLevelAgreement
        let window: SLAWindow
    }
}
