/// The stretch follow-through figures are counted over: actions created and completed inside
/// ``span``, and open and overdue actions as of the day ``asOfDay``.
public struct FollowThroughPeriod: Hashable, Sendable {
    /// Creations and completions count when they fall in [start, end).
    public let span: InstantSpan
    /// The day open and overdue work is judged on (the overdue rule is a rule about days).
    public let asOfDay: CalendarDate

    /// Creates a period.
    public init(span: InstantSpan, asOfDay: CalendarDate) {
        self.span = span
        self.asOfDay = asOfDay
    }

    /// The UTC days `first` through `last` (both inclusive), judged as of `last`. Without
    /// `first`, the period starts at ``beginningOfRecords``.
    public init(first: CalendarDate?, last: CalendarDate) {
        let start = first?.startInstantUTC ?? Self.beginningOfRecords
        self.init(span: InstantSpan(start: start, end: last.adding(days: 1).startInstantUTC), asOfDay: last)
    }

    /// An instant before any that a knowledge base can hold: a day before 0001-01-01 UTC. The
    /// import refuses earlier instants, but an earlier hindsight stored one written on that day
    /// with a positive offset, which lies in the year before it.
    public static let beginningOfRecords = Instant(millisecondsSinceEpoch: -719_163 * Instant.millisecondsPerDay)

    /// Whether the period reaches back to ``beginningOfRecords`` rather than a chosen first day.
    public var isOpenStart: Bool { span.start == Self.beginningOfRecords }

    /// A report's period cut off at its as-of instant: judged on the UTC day of the last instant
    /// that counts (the day before a midnight cut-off).
    public init(reportSpan: InstantSpan, asOf: Instant) {
        let span = reportSpan.cut(at: asOf)
        self.init(span: span, asOfDay: span.end.adding(milliseconds: -1).utcDate)
    }
}
