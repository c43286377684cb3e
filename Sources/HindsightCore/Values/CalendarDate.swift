/// A calendar day, `YYYY-MM-DD`, with no time of day and no time zone of its own.
///
/// Parsing is strict: four-digit year 0001–9999, two-digit month and day, a day that exists in
/// that month (no rollover of `2024-02-30` into March), and nothing before or after.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The last day the format can write, 9999-12-31.
    public static let latest = CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: 9999, month: 12, day: 31))

    /// The first day the format can write, 0001-01-01.
    public static let earliest = CalendarDate(daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: 1, month: 1, day: 1))

    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date from its parts, or throws if that day does not exist.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year) else {
            throw ValueParseError("year \(year) is outside 0001–9999")
        }
        guard (1...12).contains(month) else {
            throw ValueParseError("month \(month) does not exist; expected 01–12")
        }
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            throw ValueParseError(
                "day \(day) does not exist in \(CalendarDate.monthNames[month - 1]) \(year), which has \(length) days")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day that lies `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int64) {
        let civil = CivilCalendar.civilDay(daysSinceEpoch: days)
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// Parses `YYYY-MM-DD` strictly.
    public init(parsing text: String) throws {
        var scanner = TextScanner(text)
        guard let year = scanner.digits(4), scanner.take(0x2D),
              let month = scanner.digits(2), scanner.take(0x2D),
              let day = scanner.digits(2), scanner.isAtEnd
        else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a date; expected YYYY-MM-DD, e.g. 2019-11-15")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch let error as ValueParseError {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a date: \(error.message)")
        }
    }

    /// Days from 1970-01-01 to this day.
    public var daysSinceEpoch: Int64 { CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) }

    /// The day `days` days later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + Int64(days))
    }

    /// The UTC midnight that starts this day.
    public var startInstantUTC: Instant { Instant(millisecondsSinceEpoch: daysSinceEpoch * Instant.millisecondsPerDay) }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
