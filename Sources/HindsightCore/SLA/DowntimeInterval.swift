/// One incident's impact on a service, as the downtime arithmetic sees it.
public struct DowntimeInterval: Hashable, Sendable {
    /// When the impact began.
    public var start: Instant
    /// When it ended, or nil while ongoing: it then lasts until the evaluation's as-of instant.
    public var end: Instant?
    /// The share of the service that was down, 0 < f ≤ 1.
    public var fraction: Double
    /// The incident the impact belongs to, so that downtime can be attributed to it.
    public var incidentID: String

    /// Creates an interval.
    public init(start: Instant, end: Instant?, fraction: Double, incidentID: String) {
        self.start = start
        self.end = end
        self.fraction = fraction
        self.incidentID = incidentID
    }
}
