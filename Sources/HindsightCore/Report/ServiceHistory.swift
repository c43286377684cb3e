/// What the SLA arithmetic needs to know of one service over a stretch of time: its SLAs, its
/// impacts and its maintenance. Loaded by the store; computed on by ``SLAReportBuilder``.
public struct ServiceHistory: Sendable {
    /// The service.
    public var serviceID: String
    /// Every SLA of the service, in any order.
    public var slas: [ServiceLevelAgreement]
    /// Every impact on the service that overlaps the stretch loaded (more is harmless).
    public var impacts: [DowntimeInterval]
    /// Every maintenance window of the service that overlaps the stretch loaded.
    public var maintenance: [InstantSpan]

    /// Creates a history.
    public init(serviceID: String, slas: [ServiceLevelAgreement], impacts: [DowntimeInterval] = [],
                maintenance: [InstantSpan] = []) {
        self.serviceID = serviceID
        self.slas = slas
        self.impacts = impacts
        self.maintenance = maintenance
    }

    /// The incidents with an impact inside `span` before `asOf` (an ongoing impact lasting to it).
    public func incidentIDs(hitDuring span: InstantSpan, asOf: Instant) -> Set<String> {
        let evaluated = span.cut(at: asOf)
        return Set(impacts.filter { InstantSpan(start: $0.start, end: $0.end ?? asOf).overlaps(evaluated) }.map(\.incidentID))
    }

    /// The figures of `window` under `sla`, as of `asOf`, and the profile they are read from
    /// (its ``DowntimeProfile/downtimeByIncident`` says which incident the downtime belongs to).
    /// Every report, budget and incident figure of a window comes from here, so they agree.
    public func evaluate(_ window: SLAWindow, under sla: ServiceLevelAgreement, asOf: Instant)
        -> (evaluation: WindowEvaluation, profile: DowntimeProfile) {
        let profile = DowntimeCalculator.profile(over: window.span, impacts: impacts, maintenance: maintenance,
                                                 policy: sla.partial, asOf: asOf)
        return (WindowEvaluation(sla: sla, window: window, profile: profile, asOf: asOf), profile)
    }
}
