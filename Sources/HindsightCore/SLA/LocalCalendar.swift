import Foundation

/// Calendar days and their local midnights in one IANA time zone.
///
/// Foundation only supplies the zone's UTC offset at an instant; the day arithmetic is
/// ``CivilCalendar``'s, so no local time is ever "corrected" behind the caller's back.
public struct LocalCalendar: Sendable {
    /// The zone's IANA name.
    public let timeZoneName: String
    private let zone: TimeZone

    /// The calendar of the zone named `timeZoneName`.
    /// - Throws: ``ValueParseError`` when the name is not an IANA zone this machine knows
    ///   (``TimeZoneName/validateStored(_:)``: a name given by the user is checked by
    ///   ``TimeZoneName/validate(_:)`` first).
    public init(timeZoneName: String) throws {
        try TimeZoneName.validateStored(timeZoneName)
        guard let zone = TimeZone(identifier: timeZoneName) else {
            throw ValueParseError("\(QuotedValue.quote(timeZoneName)) is not an IANA time zone name")
        }
        self.timeZoneName = timeZoneName
        self.zone = zone
    }

    /// The zone's offset from UTC at `instant`, in seconds.
    public func offsetSeconds(at instant: Instant) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(floorDivide(instant.millisecondsSinceEpoch, 1000)))
        return Int64(zone.secondsFromGMT(for: date))
    }

    /// The local calendar day `instant` falls on.
    public func date(containing instant: Instant) -> CalendarDate {
        instant.adding(seconds: offsetSeconds(at: instant)).utcDate
    }

    /// The instant the local day `date` begins: its local midnight. Where daylight saving time
    /// makes midnight happen twice, the first; where it skips midnight, the moment the clocks
    /// jump, which is when that day's first local time exists.
    public func startOfDay(_ date: CalendarDate) -> Instant {
        let localMidnight = date.startInstantUTC
        let offsetBefore = offsetSeconds(at: localMidnight.adding(seconds: -86_400))
        let offsetAfter = offsetSeconds(at: localMidnight.adding(seconds: 86_400))
        let candidates = [offsetBefore, offsetAfter]
            .map { localMidnight.adding(seconds: -$0) }
            .filter { $0.adding(seconds: offsetSeconds(at: $0)) == localMidnight }
        if let first = candidates.min() { return first }
        // Midnight is skipped: the day starts at the transition, the first instant that shows a
        // local time on `date`. Binary search between the two readings, to the second.
        var low = localMidnight.adding(seconds: -max(offsetBefore, offsetAfter))
        var high = localMidnight.adding(seconds: -min(offsetBefore, offsetAfter))
        // Invariant: `low` shows the day before, `high` shows `date` (zone transitions fall on
        // whole seconds, so a search to the second is exact).
        while high.millisecondsSinceEpoch - low.millisecondsSinceEpoch > 1000 {
            let halfSeconds = (high.millisecondsSinceEpoch - low.millisecondsSinceEpoch) / 2000
            let middle = low.adding(seconds: max(1, halfSeconds))
            if self.date(containing: middle) >= date { high = middle } else { low = middle }
        }
        return high
    }

    /// The span from the local midnight starting `first` to the local midnight after `last`.
    public func span(from first: CalendarDate, through last: CalendarDate) -> InstantSpan {
        InstantSpan(start: startOfDay(first), end: startOfDay(last.adding(days: 1)))
    }
}
