import HindsightCore

/// One line of an incident listing.
public struct IncidentSummary: Hashable, Sendable {
    /// The incident's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its severity, if recorded.
    public var severity: Severity?
    /// Whether it was a near miss.
    public var nearMiss: Bool
    /// When impact began.
    public var startedAt: Instant
    /// When it was mitigated.
    public var mitigatedAt: Instant?
    /// When it was resolved.
    public var resolvedAt: Instant?
    /// The services it had an impact on, sorted.
    public var services: [String]
    /// The cause paths of its factors, sorted, without repeats.
    public var causes: [String]
    /// Its tags, in the order given.
    public var tags: [String]

    /// Creates a summary.
    public init(id: String, title: String, severity: Severity?, nearMiss: Bool, startedAt: Instant,
                mitigatedAt: Instant?, resolvedAt: Instant?, services: [String], causes: [String], tags: [String]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.nearMiss = nearMiss
        self.startedAt = startedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.services = services
        self.causes = causes
        self.tags = tags
    }

    /// `open`, `mitigated` or `resolved`.
    public var state: IncidentState {
        resolvedAt != nil ? .resolved : (mitigatedAt != nil ? .mitigated : .open)
    }
}
