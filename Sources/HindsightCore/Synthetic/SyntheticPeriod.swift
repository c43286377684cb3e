/// The calendar years a synthetic history covers: whole UTC years ending with 2025.
///
/// The end is fixed rather than taken from the clock, so that the same arguments give the same
/// history on any day.
struct SyntheticPeriod {
    /// The first year after the history.
    static let endYear = 2026

    /// How many years the history covers.
    let years: Int
    /// 1 January of the first year.
    let firstDay: CalendarDate
    /// The first instant of the history.
    let start: Instant
    /// The first instant after the history.
    let end: Instant

    init(years: Int) {
        self.years = years
        firstDay = CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: Self.endYear - years, month: 1, day: 1))
        start = firstDay.startInstantUTC
        end = Instant(millisecondsSinceEpoch: CivilCalendar.daysSinceEpoch(year: Self.endYear, month: 1, day: 1)
                      * Instant.millisecondsPerDay)
    }

    /// The first day of the month `months` months after the history's first month.
    func firstDayOfMonth(_ months: Int) -> CalendarDate {
        let year = firstDay.year + months / 12
        return CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: months % 12 + 1, day: 1))
    }
}
