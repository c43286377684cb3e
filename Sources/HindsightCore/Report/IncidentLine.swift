/// One incident in a report.
public struct IncidentLine: Sendable {
    /// The incident.
    public let facts: IncidentFacts
    /// The reported services it hit in the period, sorted.
    public let serviceIDs: [String]
    /// The downtime attributed to it in the period, summed over those services.
    public let downtimeSeconds: Double
    /// Whether it had downtime inside a breached window.
    public let contributedToBreach: Bool
    /// resolved_at − started_at, or as-of − started_at while unresolved.
    public let durationSeconds: Double

    /// Creates a line.
    public init(facts: IncidentFacts, serviceIDs: [String], downtimeSeconds: Double, contributedToBreach: Bool,
                durationSeconds: Double) {
        self.facts = facts
        self.serviceIDs = serviceIDs
        self.downtimeSeconds = downtimeSeconds
        self.contributedToBreach = contributedToBreach
        self.durationSeconds = durationSeconds
    }
}
