/// The shortest window an SLA judges in its own time zone: the one a fixed downtime allowance
/// must be shorter than.
///
/// Why: a window's length is the real time between two local midnights, so a week with a
/// daylight-saving change in spring lasts 167 hours, not 168, and a zone that moves its clocks
/// further (Antarctica/Troll by two hours, Pacific/Apia by a whole day in 2011) shortens its
/// windows further still. Checking an allowance against the calendar's 7 days would let through
/// one that exceeds such a window as a whole.
public enum ShortestWindow {
    /// The years searched. The time zone database is kept from 1970 on, and past its last
    /// recorded change it repeats the zone's current rules, so a bound loses no new length while
    /// keeping the search to some 7 000 weeks.
    public static let searchedYears = 1970...2100

    /// The shortest window of `kind` in `calendar`'s zone that starts on a day from `from`
    /// through `through` (either open: the days an SLA is in force), among those starting in
    /// ``searchedYears``; the earliest of equally short ones. When no such window starts in
    /// those years, the shortest of all that do, which follow the same rules.
    public static func of(_ kind: WindowKind, in calendar: LocalCalendar, from: CalendarDate? = nil,
                          through: CalendarDate? = nil) -> SLAWindow {
        let first = CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: searchedYears.lowerBound, month: 1, day: 1))
        let last = CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: searchedYears.upperBound, month: 12, day: 31))
        if let found = search(kind, calendar, from: max(from ?? first, first), through: min(through ?? last, last)) {
            return found
        }
        // The whole range always holds windows of every kind, so this search finds one.
        return search(kind, calendar, from: first, through: last)
            ?? SLAWindow.containing(calendar.startOfDay(first), kind: kind, calendar: calendar)
    }

    /// The shortest window starting from `lower` through `upper`, or nil when none starts there.
    private static func search(_ kind: WindowKind, _ calendar: LocalCalendar, from lower: CalendarDate,
                               through upper: CalendarDate) -> SLAWindow? {
        var day = SLAWindow.firstDay(of: kind, around: lower)
        // A window that began before `lower` is judged by another SLA, or by none.
        if day < lower { day = SLAWindow.nextFirstDay(after: day, kind: kind) }
        // Each window's end is the next one's start, so every midnight is worked out once.
        var start = calendar.startOfDay(day)
        var shortest: SLAWindow?
        while day <= upper {
            let next = SLAWindow.nextFirstDay(after: day, kind: kind)
            let end = calendar.startOfDay(next)
            let span = InstantSpan(start: start, end: end)
            if shortest.map({ span.milliseconds < $0.span.milliseconds }) ?? true {
                shortest = SLAWindow(kind: kind, timeZoneName: calendar.timeZoneName, firstDay: day, nextFirstDay: next, span: span)
            }
            day = next
            start = end
        }
        return shortest
    }
}
