/// One calendar-aligned window of an SLA: a year, quarter, month or week (Monday to Monday)
/// between two local midnights of a time zone.
public struct SLAWindow: Hashable, Sendable {
    /// The window kind.
    public let kind: WindowKind
    /// The zone whose local midnights bound the window.
    public let timeZoneName: String
    /// The window's first local day.
    public let firstDay: CalendarDate
    /// The window's first local day after it.
    public let nextFirstDay: CalendarDate
    /// The window in real instants: its length is the real number of seconds between its
    /// boundaries, daylight-saving hours included or missing.
    public let span: InstantSpan

    /// A short name: `2019`, `2019Q4`, `2019-10`, or the ISO week `2019-W44`.
    public var label: String {
        switch kind {
        case .year: return CalendarDate.pad(firstDay.year, 4)
        case .quarter: return "\(CalendarDate.pad(firstDay.year, 4))Q\((firstDay.month - 1) / 3 + 1)"
        case .month: return "\(CalendarDate.pad(firstDay.year, 4))-\(CalendarDate.pad(firstDay.month, 2))"
        case .week:
            let thursday = firstDay.adding(days: 3)
            let dayOfYear = thursday.daysSinceEpoch - CivilCalendar.daysSinceEpoch(year: thursday.year, month: 1, day: 1)
            return "\(CalendarDate.pad(thursday.year, 4))-W\(CalendarDate.pad(Int(dayOfYear / 7) + 1, 2))"
        }
    }

    /// The window of `kind` that contains `instant`, in `calendar`'s zone: its span starts at or
    /// before `instant` and ends after it.
    public static func containing(_ instant: Instant, kind: WindowKind, calendar: LocalCalendar) -> SLAWindow {
        let window = starting(firstDay(of: kind, around: calendar.date(containing: instant)), kind: kind, calendar: calendar)
        // Where the clocks go back across midnight (St John's on 1 November 2009: 00:01 NDT became
        // 23:01 NST), the instants after the day's first midnight read the day before again, yet
        // they lie past the window that midnight closed.
        return window.span.end <= instant ? starting(window.nextFirstDay, kind: kind, calendar: calendar) : window
    }

    /// Every window of `kind` that shares at least one instant with `span`, in order.
    public static func overlapping(_ span: InstantSpan, kind: WindowKind, calendar: LocalCalendar) -> [SLAWindow] {
        guard !span.isEmpty else { return [] }
        var windows: [SLAWindow] = []
        var window = containing(span.start, kind: kind, calendar: calendar)
        while window.span.start < span.end {
            windows.append(window)
            window = starting(window.nextFirstDay, kind: kind, calendar: calendar)
        }
        return windows
    }

    private static func starting(_ first: CalendarDate, kind: WindowKind, calendar: LocalCalendar) -> SLAWindow {
        let next = nextFirstDay(after: first, kind: kind)
        return SLAWindow(kind: kind, timeZoneName: calendar.timeZoneName, firstDay: first, nextFirstDay: next,
                         span: InstantSpan(start: calendar.startOfDay(first), end: calendar.startOfDay(next)))
    }

    /// The first day of the window of `kind` that contains the local day `day`.
    static func firstDay(of kind: WindowKind, around day: CalendarDate) -> CalendarDate {
        switch kind {
        case .year: return dateFromParts(day.year, 1)
        case .quarter: return dateFromParts(day.year, (day.month - 1) / 3 * 3 + 1)
        case .month: return dateFromParts(day.year, day.month)
        case .week:
            // 1970-01-01 was a Thursday, three days after a Monday.
            let days = day.daysSinceEpoch
            let sinceMonday = ((days + 3) % 7 + 7) % 7
            return CalendarDate(daysSinceEpoch: days - sinceMonday)
        }
    }

    /// The first day of the window of `kind` after the one that starts on `first`.
    static func nextFirstDay(after first: CalendarDate, kind: WindowKind) -> CalendarDate {
        switch kind {
        case .year: return dateFromParts(first.year + 1, 1)
        case .quarter: return first.month >= 10 ? dateFromParts(first.year + 1, 1) : dateFromParts(first.year, first.month + 3)
        case .month: return first.month == 12 ? dateFromParts(first.year + 1, 1) : dateFromParts(first.year, first.month + 1)
        case .week: return first.adding(days: 7)
        }
    }

    /// The first of a month, built through day arithmetic so that the year after 9999 still works.
    private static func dateFromParts(_ year: Int, _ month: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: month, day: 1))
    }
}
