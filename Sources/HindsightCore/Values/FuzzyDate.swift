/// A moment known only to some precision: a year, a month, a day, or an exact instant. Used for
/// when a latent defect entered a system, which postmortems rarely know to the day.
public enum FuzzyDate: Hashable, Sendable, CustomStringConvertible {
    /// A whole year, `YYYY`.
    case year(Int)
    /// A month, `YYYY-MM`.
    case month(year: Int, month: Int)
    /// A calendar day, `YYYY-MM-DD`.
    case day(CalendarDate)
    /// An exact instant (RFC 3339).
    case instant(Instant)

    /// The precision as a word: `year`, `month`, `day` or `instant`.
    public var precision: String {
        switch self {
        case .year: return "year"
        case .month: return "month"
        case .day: return "day"
        case .instant: return "instant"
        }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 instant, keeping the precision given.
    public init(parsing text: String) throws {
        let bytes = Array(text.utf8)
        let expected = "expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 instant, e.g. 2016, 2016-10 or 2016-10-05"
        switch bytes.count {
        case 4:
            var scanner = TextScanner(text)
            guard let year = scanner.digits(4) else { throw ValueParseError("\(QuotedValue.quote(text)) is not a fuzzy date; \(expected)") }
            guard year >= 1 else { throw ValueParseError("\(QuotedValue.quote(text)) is not a fuzzy date: year 0000 does not exist") }
            self = .year(year)
        case 7:
            var scanner = TextScanner(text)
            guard let year = scanner.digits(4), scanner.take(0x2D), let month = scanner.digits(2) else {
                throw ValueParseError("\(QuotedValue.quote(text)) is not a fuzzy date; \(expected)")
            }
            guard year >= 1, (1...12).contains(month) else {
                throw ValueParseError("\(QuotedValue.quote(text)) is not a fuzzy date: month \(month) of year \(year) does not exist")
            }
            self = .month(year: year, month: month)
        case 10:
            do {
                self = .day(try CalendarDate(parsing: text))
            } catch let error as ValueParseError {
                throw ValueParseError("\(error.message) (a fuzzy date: \(expected))")
            }
        default:
            guard bytes.count > 10 else { throw ValueParseError("\(QuotedValue.quote(text)) is not a fuzzy date; \(expected)") }
            self = .instant(try Instant(parsing: text))
        }
    }

    /// The first instant the value could mean (UTC): the start of its year, month or day.
    public var earliestInstant: Instant {
        switch self {
        case .year(let year):
            return Instant(millisecondsSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1) * Instant.millisecondsPerDay)
        case .month(let year, let month):
            return Instant(millisecondsSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: month, day: 1) * Instant.millisecondsPerDay)
        case .day(let date):
            return date.startInstantUTC
        case .instant(let instant):
            return instant
        }
    }

    /// The value as written in the interchange format (instants in UTC).
    public var description: String {
        switch self {
        case .year(let year): return CalendarDate.pad(year, 4)
        case .month(let year, let month): return "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))"
        case .day(let date): return date.description
        case .instant(let instant): return instant.description
        }
    }
}
