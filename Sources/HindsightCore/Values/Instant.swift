/// A point in time, held as whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Parsed from RFC 3339 with a grammar of Hindsight's own, because Foundation's ISO 8601 parsers
/// accept garbage and silently move it to another instant. Accepted:
/// `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, where the `T` and `Z` may be lower case, the date and
/// time must exist (no `02-30`, no `24:00`, no minute or second 60), the offset lies within
/// ±18:00, and a fraction has at most three significant digits (further digits must be zeros,
/// so that nothing is rounded away). Formatting always yields UTC with `Z`.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch; negative before 1970.
    public let millisecondsSinceEpoch: Int64

    /// Milliseconds in one day of UTC.
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Creates the instant `milliseconds` after the epoch.
    public init(millisecondsSinceEpoch milliseconds: Int64) {
        millisecondsSinceEpoch = milliseconds
    }

    /// Parses an RFC 3339 date-time with an offset; throws a message naming what is wrong.
    public init(parsing text: String) throws {
        func fail(_ why: String) -> ValueParseError {
            ValueParseError("\(QuotedValue.quote(text)) is not an instant: \(why); expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00")
        }
        var scanner = TextScanner(text)
        guard let year = scanner.digits(4), scanner.take(0x2D),
              let month = scanner.digits(2), scanner.take(0x2D),
              let day = scanner.digits(2)
        else { throw fail("it does not start with a YYYY-MM-DD date") }
        let date: CalendarDate
        do {
            date = try CalendarDate(year: year, month: month, day: day)
        } catch let error as ValueParseError {
            throw fail(error.message)
        }
        guard scanner.take(0x54) || scanner.take(0x74) else {
            throw fail(scanner.isAtEnd ? "it has no time of day" : "the date and time must be separated by 'T'")
        }
        guard let hour = scanner.digits(2), scanner.take(0x3A),
              let minute = scanner.digits(2), scanner.take(0x3A),
              let second = scanner.digits(2)
        else { throw fail("the time of day must be HH:MM:SS") }
        guard hour <= 23 else { throw fail("hour \(hour) does not exist (00–23)") }
        guard minute <= 59 else { throw fail("minute \(minute) does not exist (00–59)") }
        guard second <= 59 else {
            throw fail(second == 60 ? "leap seconds are not supported" : "second \(second) does not exist (00–59)")
        }
        var milliseconds = 0
        if scanner.take(0x2E) {
            var count = 0
            while let byte = scanner.peek, byte >= 0x30 && byte <= 0x39 {
                let digit = Int(byte - 0x30)
                if count < 3 {
                    milliseconds = milliseconds * 10 + digit
                } else if digit != 0 {
                    throw fail("it is more precise than a millisecond")
                }
                count += 1
                scanner.index += 1
            }
            guard count > 0 else { throw fail("a '.' must be followed by digits") }
            for _ in count..<max(count, 3) { milliseconds *= 10 }
        }
        var offsetMinutes = 0
        if scanner.take(0x5A) || scanner.take(0x7A) {
            offsetMinutes = 0
        } else if let sign = scanner.peek, sign == 0x2B || sign == 0x2D {
            scanner.index += 1
            guard let offsetHour = scanner.digits(2), scanner.take(0x3A), let offsetMinute = scanner.digits(2) else {
                throw fail("the offset must be ±HH:MM")
            }
            guard offsetMinute <= 59 else { throw fail("the offset's minutes must be 00 to 59") }
            guard offsetHour * 60 + offsetMinute <= 18 * 60 else {
                throw fail("the offset must lie within -18:00 and +18:00")
            }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == 0x2D ? -1 : 1)
        } else {
            throw fail(scanner.isAtEnd ? "it has no UTC offset" : "unexpected text after the time")
        }
        guard scanner.isAtEnd else { throw fail("unexpected text after the offset") }
        let secondsOfDay = Int64(hour * 3600 + minute * 60 + second - offsetMinutes * 60)
        millisecondsSinceEpoch = date.daysSinceEpoch * Instant.millisecondsPerDay
            + secondsOfDay * 1000 + Int64(milliseconds)
        // An offset can carry the first or last day of the range over its edge; stored and
        // exported in UTC, such an instant could not be read again.
        guard utcDate >= CalendarDate.earliest, utcDate <= CalendarDate.latest else {
            throw fail("in UTC it falls outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z")
        }
    }

    /// The instant `milliseconds` later.
    public func adding(milliseconds: Int64) -> Instant {
        Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// The instant `seconds` later.
    public func adding(seconds: Int64) -> Instant { adding(milliseconds: seconds * 1000) }

    /// The UTC calendar day this instant falls on.
    public var utcDate: CalendarDate {
        CalendarDate(daysSinceEpoch: floorDivide(millisecondsSinceEpoch, Instant.millisecondsPerDay))
    }

    /// Seconds from `other` to this instant (negative when this one is earlier).
    public func seconds(since other: Instant) -> Double {
        Double(millisecondsSinceEpoch - other.millisecondsSinceEpoch) / 1000
    }

    /// RFC 3339 in UTC: `2019-10-30T18:00:00Z`, or with `.fff` when the milliseconds are not zero.
    public var description: String {
        let days = floorDivide(millisecondsSinceEpoch, Instant.millisecondsPerDay)
        let inDay = millisecondsSinceEpoch - days * Instant.millisecondsPerDay
        let date = CalendarDate(daysSinceEpoch: days)
        let seconds = Int(inDay / 1000)
        let millis = Int(inDay % 1000)
        var text = "\(date)T\(CalendarDate.pad(seconds / 3600, 2)):\(CalendarDate.pad(seconds / 60 % 60, 2)):\(CalendarDate.pad(seconds % 60, 2))"
        if millis != 0 { text += "." + CalendarDate.pad(millis, 3) }
        return text + "Z"
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}

/// Division rounding toward negative infinity, so that instants before 1970 fall on the right day.
func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
