/// A length of time in whole seconds, as the interchange format writes durations.
///
/// Parses the short form (`90s`, `15m`, `1h30m`, `2d`: units d, h, m, s, each at most once and
/// in that order) and the ISO 8601 form restricted to exact units (`PT15M`, `P1DT2H`, `P2W`).
/// Months and years have no fixed length and are refused, as are fractions, which the format
/// would have to round. Written back as `900s`.
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in seconds, never negative.
    public let seconds: Int64

    /// Creates a span of `seconds` seconds.
    public init(seconds: Int64) { self.seconds = seconds }

    /// Parses the short or the ISO 8601 form.
    public init(parsing text: String) throws {
        let expected = "expected a duration such as 90s, 15m, 1h30m, 2d, PT15M or P1DT2H"
        guard !text.isEmpty else { throw ValueParseError("an empty duration; \(expected)") }
        var scanner = TextScanner(text)
        var total: Int64 = 0
        // Past the most seconds an Int64 holds, what the knowledge base stores; named, since a
        // number of that size was called "not a duration".
        let tooLong = ValueParseError("\(QuotedValue.quote(text)) is too long a duration; the longest is \(Int64.max)s")
        func add(_ value: Int64, _ unit: Int64) throws {
            let (product, overflow1) = value.multipliedReportingOverflow(by: unit)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { throw tooLong }
            total = sum
        }
        /// The amount before a unit; nil when there are no digits. Too many digits for an Int64
        /// are a duration too long, not a misspelt one.
        func amount() throws -> Int64? {
            if let (value, _) = scanner.number() { return value }
            if let byte = scanner.peek, byte >= 0x30 && byte <= 0x39 { throw tooLong }
            return nil
        }
        if scanner.take(0x50) {  // P: ISO 8601
            var sawComponent = false
            var inTime = false
            var lastRank = -1
            let ranks: [UInt8: (rank: Int, seconds: Int64, time: Bool)] = [
                0x57: (0, 604_800, false), 0x44: (1, 86_400, false),
                0x48: (2, 3600, true), 0x4D: (3, 60, true), 0x53: (4, 1, true),
            ]
            while !scanner.isAtEnd {
                if scanner.take(0x54) {
                    guard !inTime else { throw ValueParseError("\(QuotedValue.quote(text)) has 'T' twice; \(expected)") }
                    inTime = true
                    guard !scanner.isAtEnd else { throw ValueParseError("\(QuotedValue.quote(text)) ends after 'T'; \(expected)") }
                    continue
                }
                guard let value = try amount() else {
                    throw ValueParseError("\(QuotedValue.quote(text)) is not a duration; \(expected)")
                }
                guard let unitByte = scanner.peek else {
                    throw ValueParseError("\(QuotedValue.quote(text)) ends in a number without a unit; \(expected)")
                }
                scanner.index += 1
                if unitByte == 0x2E || unitByte == 0x2C {
                    throw ValueParseError("\(QuotedValue.quote(text)) has a fraction; durations are whole seconds")
                }
                if !inTime && (unitByte == 0x59 || unitByte == 0x4D) {
                    throw ValueParseError("\(QuotedValue.quote(text)) counts years or months, which have no fixed length; use days, hours, minutes or seconds")
                }
                guard let unit = ranks[unitByte], unit.time == inTime, unit.rank > lastRank else {
                    throw ValueParseError("\(QuotedValue.quote(text)) is not a duration; \(expected)")
                }
                lastRank = unit.rank
                sawComponent = true
                try add(value, unit.seconds)
            }
            guard sawComponent else { throw ValueParseError("\(QuotedValue.quote(text)) names no amount of time; \(expected)") }
        } else {
            let units: [UInt8: (rank: Int, seconds: Int64)] = [
                0x64: (0, 86_400), 0x68: (1, 3600), 0x6D: (2, 60), 0x73: (3, 1),
            ]
            var lastRank = -1
            while !scanner.isAtEnd {
                guard let value = try amount() else {
                    throw ValueParseError("\(QuotedValue.quote(text)) is not a duration; \(expected)")
                }
                guard let unitByte = scanner.peek else {
                    throw ValueParseError("\(QuotedValue.quote(text)) needs a unit (d, h, m or s) after its number; \(expected)")
                }
                if unitByte == 0x2E || unitByte == 0x2C {
                    throw ValueParseError("\(QuotedValue.quote(text)) has a fraction; durations are whole seconds")
                }
                guard let unit = units[unitByte], unit.rank > lastRank else {
                    throw ValueParseError("\(QuotedValue.quote(text)) is not a duration; \(expected)")
                }
                scanner.index += 1
                lastRank = unit.rank
                try add(value, unit.seconds)
            }
        }
        seconds = total
    }

    /// `900s`: the interchange format's canonical spelling.
    public var description: String { "\(seconds)s" }

    /// Whether `lhs` is shorter than `rhs`.
    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}
