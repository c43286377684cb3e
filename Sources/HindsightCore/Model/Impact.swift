/// What an incident did to one service over one interval, and how badly.
///
/// Defaults are resolved when the interchange is decoded: `start` is always set, and `end` is nil
/// only while the impact is still ongoing.
public struct Impact: Hashable, Sendable {
    /// The service hit.
    public var serviceID: String
    /// When the impact began.
    public var start: Instant
    /// When it ended, or nil while ongoing.
    public var end: Instant?
    /// The share of requests or users failing, 0 < f ≤ 1.
    public var fraction: Double
    /// A note on the impact.
    public var note: String?

    /// Creates an impact.
    public init(serviceID: String, start: Instant, end: Instant?, fraction: Double = 1, note: String? = nil) {
        self.serviceID = serviceID
        self.start = start
        self.end = end
        self.fraction = fraction
        self.note = note
    }
}
