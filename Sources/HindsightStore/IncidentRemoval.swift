/// What ``KnowledgeBase/removeIncident(id:)`` removed along with an incident: how many of each of
/// its parts, so that a confirmation can say what went.
public struct IncidentRemoval: Equatable, Sendable {
    /// The incident's id.
    public let id: String
    /// Its impacts, one per service hit.
    public let impacts: Int
    /// Its contributing factors.
    public let factors: Int
    /// Its remediation actions.
    public let actions: Int
    /// The action history records kept under the incident's id.
    public let historyRecords: Int
    /// Its timeline entries.
    public let timelineEvents: Int
}
