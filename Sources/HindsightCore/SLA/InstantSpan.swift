/// A half-open stretch of time [start, end).
public struct InstantSpan: Hashable, Sendable, CustomStringConvertible {
    /// The first instant inside the span.
    public let start: Instant
    /// The first instant after the span.
    public let end: Instant

    /// Creates the span [start, end); an `end` before `start` gives an empty span at `start`.
    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = max(start, end)
    }

    /// The span's length in milliseconds.
    public var milliseconds: Int64 { end.millisecondsSinceEpoch - start.millisecondsSinceEpoch }

    /// The span's length in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// Whether the span holds no instant.
    public var isEmpty: Bool { end <= start }

    /// Whether `instant` lies inside [start, end).
    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }

    /// Whether the two spans share at least one instant.
    public func overlaps(_ other: InstantSpan) -> Bool { start < other.end && other.start < end }

    /// The part of this span that lies inside `other` (empty when they do not overlap).
    public func clamped(to other: InstantSpan) -> InstantSpan {
        InstantSpan(start: max(start, other.start), end: min(end, other.end))
    }

    /// This span cut off at `instant`: nothing at or after it.
    public func cut(at instant: Instant) -> InstantSpan {
        InstantSpan(start: start, end: min(end, instant))
    }

    /// `start/end` in RFC 3339 UTC.
    public var description: String { "\(start)/\(end)" }
}
