/// The stretch of local days a report covers: a year, a quarter, a month or any run of days.
public struct ReportPeriod: Hashable, Sendable {
    /// How the period was named: `2019`, `2019Q4`, `2019-10`, or `2019-10-01..2019-12-31`.
    public let label: String
    /// The first day, inclusive.
    public let firstDay: CalendarDate
    /// The last day, inclusive.
    public let lastDay: CalendarDate

    /// A period from `first` through `last`, both inclusive.
    /// - Throws: ``ValueParseError`` when `last` is before `first`, or is the last day of 9999.
    public init(from first: CalendarDate, through last: CalendarDate, label: String? = nil) throws {
        guard first <= last else {
            throw ValueParseError("the period's last day \(last) is before its first day \(first)")
        }
        // The period ends at the midnight after its last day, which a report writes as an instant;
        // RFC 3339 has four digits for the year.
        guard (last.year, last.month, last.day) < (9999, 12, 31) else {
            throw ValueParseError("the period would end in the year 10000, at the midnight after its last day \(last); "
                                  + "expected a period that ends by 9999-12-30")
        }
        firstDay = first
        lastDay = last
        self.label = label ?? "\(first)..\(last)"
    }

    /// The calendar year `text` (`2019`).
    public init(year text: String) throws {
        guard let year = Self.year(text) else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a year; expected four digits from 0001 to 9999, such as 2019")
        }
        try self.init(from: CalendarDate(year: year, month: 1, day: 1), through: CalendarDate(year: year, month: 12, day: 31),
                      label: text)
    }

    /// The quarter `text` (`2019Q4`; `2019q4` is accepted too).
    public init(quarter text: String) throws {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, let year = Self.year(String(parts[0])), parts[1].count == 1,
              let quarter = Int(parts[1]), (1...4).contains(quarter)
        else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a quarter; expected a year from 0001 to 9999 and Q1 to Q4, such as 2019Q4")
        }
        let firstMonth = (quarter - 1) * 3 + 1
        try self.init(from: CalendarDate(year: year, month: firstMonth, day: 1),
                      through: CalendarDate(year: year, month: firstMonth + 2,
                                            day: CivilCalendar.daysInMonth(year: year, month: firstMonth + 2)),
                      label: "\(parts[0])Q\(quarter)")
    }

    /// The month `text` (`2019-10`).
    public init(month text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let year = Self.year(String(parts[0])), parts[1].count == 2,
              parts[1].allSatisfy(\.isASCIIDigit), let month = Int(parts[1]), (1...12).contains(month)
        else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a month; expected YYYY-MM with a year from 0001 to 9999 and a month 01 to 12, such as 2019-10")
        }
        try self.init(from: CalendarDate(year: year, month: month, day: 1),
                      through: CalendarDate(year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month)),
                      label: text)
    }

    /// The period in real instants: from local midnight of the first day to local midnight after
    /// the last, in `calendar`'s zone.
    public func span(in calendar: LocalCalendar) -> InstantSpan {
        calendar.span(from: firstDay, through: lastDay)
    }

    private static func year(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), (1...9999).contains(year) else { return nil }
        return year
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
