/// Where remediation is missing: factors that no action addresses, and incidents old enough to
/// have had their review that have no action at all.
public struct RemediationGaps: Hashable, Sendable {
    /// A factor no action addresses.
    public struct UnaddressedFactor: Hashable, Sendable {
        /// The incident.
        public let incidentID: String
        /// The factor.
        public let factor: Factor

        /// Creates a gap.
        public init(incidentID: String, factor: Factor) {
            self.incidentID = incidentID
            self.factor = factor
        }
    }

    /// An incident without any action.
    public struct IncidentWithoutActions: Hashable, Sendable {
        /// The incident.
        public let incidentID: String
        /// Its title.
        public let title: String
        /// When it started.
        public let startedAt: Instant

        /// Creates a gap.
        public init(incidentID: String, title: String, startedAt: Instant) {
            self.incidentID = incidentID
            self.title = title
            self.startedAt = startedAt
        }
    }

    /// Factors no action addresses, by incident start and factor position.
    public let unaddressedFactors: [UnaddressedFactor]
    /// Incidents older than ``graceDays`` with no action, by start.
    public let incidentsWithoutActions: [IncidentWithoutActions]

    /// Creates the gaps.
    public init(unaddressedFactors: [UnaddressedFactor], incidentsWithoutActions: [IncidentWithoutActions]) {
        self.unaddressedFactors = unaddressedFactors
        self.incidentsWithoutActions = incidentsWithoutActions
    }

    /// How long an incident may go without actions (its review takes time): 30 days.
    public static let graceDays = 30

    /// Whether an incident that started at `startedAt` is older than ``graceDays`` on `day`:
    /// more than 30 days lie between its UTC start day and `day`.
    public static func isPastGrace(startedAt: Instant, on day: CalendarDate) -> Bool {
        day.daysSinceEpoch - startedAt.utcDate.daysSinceEpoch > Int64(graceDays)
    }
}
