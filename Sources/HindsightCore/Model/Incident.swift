/// A production incident with everything recorded about it.
public struct Incident: Hashable, Sendable {
    /// The stable id, e.g. `2019-10-30-catalogue-overload`.
    public var id: String
    /// A one-line title.
    public var title: String
    /// How bad it was.
    public var severity: Severity?
    /// True when it was caught before customers were hurt.
    public var nearMiss: Bool
    /// Who noticed it first.
    public var detection: DetectionSource?
    /// When impact began.
    public var startedAt: Instant
    /// When it was noticed; not before `startedAt`.
    public var detectedAt: Instant?
    /// When the impact was stopped; not before `startedAt`.
    public var mitigatedAt: Instant?
    /// When it was fully resolved; not before `startedAt` nor `mitigatedAt`.
    public var resolvedAt: Instant?
    /// A summary of what happened.
    public var summary: String?
    /// Where the original write-up lives.
    public var source: String?
    /// Free tags, in the order given.
    public var tags: [String]
    /// What it did to which services.
    public var impacts: [Impact]
    /// What contributed to it.
    public var factors: [Factor]
    /// What was to be done afterwards.
    public var actions: [RemediationAction]
    /// Timed moments.
    public var timeline: [TimelineEvent]

    /// Creates an incident.
    public init(id: String, title: String, severity: Severity? = nil, nearMiss: Bool = false,
                detection: DetectionSource? = nil, startedAt: Instant, detectedAt: Instant? = nil,
                mitigatedAt: Instant? = nil, resolvedAt: Instant? = nil, summary: String? = nil,
                source: String? = nil, tags: [String] = [], impacts: [Impact] = [], factors: [Factor] = [],
                actions: [RemediationAction] = [], timeline: [TimelineEvent] = []) {
        self.id = id
        self.title = title
        self.severity = severity
        self.nearMiss = nearMiss
        self.detection = detection
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.summary = summary
        self.source = source
        self.tags = tags
        self.impacts = impacts
        self.factors = factors
        self.actions = actions
        self.timeline = timeline
    }

    /// `resolved` once resolved, `mitigated` once mitigated, else `open`.
    public var state: IncidentState {
        if resolvedAt != nil { return .resolved }
        if mitigatedAt != nil { return .mitigated }
        return .open
    }
}
