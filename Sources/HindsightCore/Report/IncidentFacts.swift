/// The parts of an incident a report shows and counts: its times, severity, services and causes.
public struct IncidentFacts: Hashable, Sendable {
    /// The incident's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its severity, if recorded.
    public var severity: Severity?
    /// Whether it was caught before it hurt anyone.
    public var nearMiss: Bool
    /// When it started.
    public var startedAt: Instant
    /// When it was detected.
    public var detectedAt: Instant?
    /// When it was mitigated.
    public var mitigatedAt: Instant?
    /// When it was resolved.
    public var resolvedAt: Instant?
    /// The services its impacts name, sorted, without repeats.
    public var serviceIDs: [String]
    /// Its contributing factors.
    public var factors: [Factor]

    /// Creates the facts.
    public init(id: String, title: String, severity: Severity? = nil, nearMiss: Bool = false, startedAt: Instant,
                detectedAt: Instant? = nil, mitigatedAt: Instant? = nil, resolvedAt: Instant? = nil,
                serviceIDs: [String] = [], factors: [Factor] = []) {
        self.id = id
        self.title = title
        self.severity = severity
        self.nearMiss = nearMiss
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.serviceIDs = serviceIDs
        self.factors = factors
    }

    /// The facts as they stood just before `instant`: a detection, mitigation or resolution at
    /// or after it had not happened yet, so a report as of `instant` reads the same whenever it
    /// is made.
    public func asKnown(before instant: Instant) -> IncidentFacts {
        var facts = self
        if let detectedAt, detectedAt >= instant { facts.detectedAt = nil }
        if let mitigatedAt, mitigatedAt >= instant { facts.mitigatedAt = nil }
        if let resolvedAt, resolvedAt >= instant { facts.resolvedAt = nil }
        return facts
    }

    /// Seconds from start to detection; nil when not recorded.
    public var secondsToDetect: Double? { detectedAt.map { $0.seconds(since: startedAt) } }
    /// Seconds from start to mitigation, or to resolution when no mitigation is recorded.
    public var secondsToMitigate: Double? {
        Self.secondsToMitigate(startedAt: startedAt, mitigatedAt: mitigatedAt, resolvedAt: resolvedAt)
    }
    /// Seconds from start to resolution; nil while unresolved.
    public var secondsToResolve: Double? { resolvedAt.map { $0.seconds(since: startedAt) } }

    /// Seconds from `startedAt` to mitigation, or to resolution when no mitigation is recorded
    /// (a fix that mitigated and resolved at once); nil while neither is. The one rule for every
    /// listing, detail and report that shows how long an incident hurt.
    public static func secondsToMitigate(startedAt: Instant, mitigatedAt: Instant?, resolvedAt: Instant?) -> Double? {
        (mitigatedAt ?? resolvedAt).map { $0.seconds(since: startedAt) }
    }
}
