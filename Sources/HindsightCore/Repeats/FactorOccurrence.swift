/// One factor of one incident, with what the repeat rule needs to know about it: when its
/// incident started and which services that incident hit.
public struct FactorOccurrence: Hashable, Sendable {
    /// The incident's id.
    public let incidentID: String
    /// The factor's id within the incident.
    public let factorID: String
    /// The factor's cause path, e.g. `cache/key`.
    public let cause: String
    /// When the incident started.
    public let incidentStartedAt: Instant
    /// The services the incident had an impact on, sorted. A factor belongs to these services:
    /// the interchange format gives factors no service of their own.
    public let services: [String]

    /// Creates an occurrence; `services` is sorted and made unique.
    public init(incidentID: String, factorID: String, cause: String, incidentStartedAt: Instant, services: [String]) {
        self.incidentID = incidentID
        self.factorID = factorID
        self.cause = cause
        self.incidentStartedAt = incidentStartedAt
        self.services = Array(Set(services)).sorted()
    }
}
