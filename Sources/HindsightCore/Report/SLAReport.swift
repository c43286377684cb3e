/// A period's SLA report: per service, the downtime and every SLA window's figures; across
/// services, the incidents (breaches first), their timing, the causes the downtime is
/// attributed to, and the near misses.
public struct SLAReport: Sendable {
    /// The reported period.
    public let period: ReportPeriod
    /// The zone the period's days are read in.
    public let timeZoneName: String
    /// The period in instants.
    public let span: InstantSpan
    /// Nothing at or after this instant counts.
    public let asOf: Instant
    /// The services, sorted by id.
    public let services: [ServiceSection]
    /// The incidents with an impact on a reported service in the period: those that
    /// contributed to a breached window first, then by start.
    public let incidents: [IncidentLine]
    /// Time to detect, mitigate and resolve over ``incidents``.
    public let timing: IncidentTimingFigures
    /// The period's downtime attributed to cause paths, largest first.
    public let causes: [CauseShare]
    /// Near misses that started in the period.
    public let nearMisses: [IncidentFacts]

    /// Creates a report; see ``SLAReportBuilder`` for how the parts are computed.
    public init(period: ReportPeriod, timeZoneName: String, span: InstantSpan, asOf: Instant, services: [ServiceSection],
                incidents: [IncidentLine], timing: IncidentTimingFigures, causes: [CauseShare], nearMisses: [IncidentFacts]) {
        self.period = period
        self.timeZoneName = timeZoneName
        self.span = span
        self.asOf = asOf
        self.services = services
        self.incidents = incidents
        self.timing = timing
        self.causes = causes
        self.nearMisses = nearMisses
    }

    /// Whether any reported window is breached.
    public var hasBreach: Bool { services.contains { $0.windows.contains(where: \.isBreached) } }
}
