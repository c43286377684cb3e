/// A length of time counted in whole attoseconds (10⁻¹⁸ s), so that downtime weighted by impact
/// fractions adds up without binary rounding.
///
/// Why: instants are whole milliseconds and fractions are decimals such as 0.3, so every
/// weighted downtime is a decimal of at most 18 places (a fraction is taken to 15 decimals). In
/// binary floating point 0.1 × 1 s + 0.2 × 1 s is 0.30000000000000004 s and a budget can seem
/// exceeded when it is exactly used; counted here they are 0.3 s and equal. A figure is rounded
/// to a `Double` once, when it is shown.
///
/// The count is a 128-bit integer: 1.7 × 10²⁰ s, far beyond any history. Arithmetic saturates
/// at the ends of that range instead of trapping, so a damaged value cannot crash a report.
public struct ExactSeconds: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral {
    /// The length in attoseconds.
    public let attoseconds: Int128

    static let attosecondsPerSecond: Int128 = 1_000_000_000_000_000_000
    static let attosecondsPerMillisecond: Int128 = 1_000_000_000_000_000

    /// Nothing.
    public static let zero = ExactSeconds(attoseconds: 0)

    /// A length of exactly `attoseconds` attoseconds.
    public init(attoseconds: Int128) {
        self.attoseconds = attoseconds
    }

    /// A length of whole milliseconds.
    public init(milliseconds: Int64) {
        attoseconds = Int128(milliseconds) * Self.attosecondsPerMillisecond
    }

    /// A length of whole seconds.
    public init(seconds: Int64) {
        attoseconds = Int128(seconds) * Self.attosecondsPerSecond
    }

    /// A length of whole seconds, written as an integer literal: `900` is 900 s.
    public init(integerLiteral seconds: Int64) {
        self.init(seconds: seconds)
    }

    /// `milliseconds` weighted by `fraction`, which is read as the decimal it is written as
    /// (0.3, not the binary number nearest to it) and taken to 15 decimals.
    public init(milliseconds: Int64, weightedBy fraction: Double) {
        self.init(milliseconds: milliseconds, weightedByAttosecondsPerMillisecond: Self.attosecondsPerMillisecond(at: fraction))
    }

    init(milliseconds: Int64, weightedByAttosecondsPerMillisecond rate: Int128) {
        attoseconds = rate == Self.attosecondsPerMillisecond
            ? Int128(milliseconds) * Self.attosecondsPerMillisecond
            : Self.saturatingProduct(Int128(milliseconds), rate)
    }

    /// The attoseconds that one millisecond at impact level `fraction` counts for: the fraction's
    /// decimal digits (see ``DecimalDigits``) times 10¹⁵, rounded half up past 15 decimals.
    /// Fractions that are not positive and finite count as 0.
    static func attosecondsPerMillisecond(at fraction: Double) -> Int128 {
        guard fraction > 0, let decimal = DecimalDigits(fraction) else { return 0 }
        if decimal.decimals <= 15 {
            return saturatingProduct(decimal.digits, DecimalDigits.power10(15 - decimal.decimals))
        }
        return ExactSeconds(attoseconds: decimal.digits).divided(by: DecimalDigits.power10(decimal.decimals - 15)).attoseconds
    }

    /// The length in seconds, as the `Double` nearest to it.
    public var seconds: Double {
        Self.nearestDouble(numerator: attoseconds, denominator: Self.attosecondsPerSecond)
    }

    /// The length shared equally among `count` parts, each rounded to the nearest attosecond.
    /// `count` must be positive.
    public func dividedEqually(among count: Int) -> ExactSeconds {
        precondition(count > 0, "a length is shared among at least one part")
        return divided(by: Int128(count))
    }

    /// The length divided by a positive `divisor`, rounded to the nearest attosecond (a half away from 0).
    func divided(by divisor: Int128) -> ExactSeconds {
        let (quotient, remainder) = attoseconds.quotientAndRemainder(dividingBy: divisor)
        let halfway = remainder.magnitude >= divisor.magnitude - remainder.magnitude
        return ExactSeconds(attoseconds: remainder != 0 && halfway ? quotient + (attoseconds < 0 ? -1 : 1) : quotient)
    }

    /// `numerator` ÷ `denominator` as the `Double` nearest to the exact quotient (to 20
    /// significant digits before the one rounding, more than a `Double` holds): ±infinity for a
    /// non-zero numerator over 0, NaN for 0 over 0.
    public static func ratio(_ numerator: ExactSeconds, _ denominator: ExactSeconds) -> Double {
        nearestDouble(numerator: numerator.attoseconds, denominator: denominator.attoseconds)
    }

    /// The sum, held at the ends of the range rather than overflowing.
    public static func + (lhs: ExactSeconds, rhs: ExactSeconds) -> ExactSeconds {
        ExactSeconds(attoseconds: saturating(lhs.attoseconds.addingReportingOverflow(rhs.attoseconds)))
    }

    /// The difference, held at the ends of the range rather than overflowing.
    public static func - (lhs: ExactSeconds, rhs: ExactSeconds) -> ExactSeconds {
        ExactSeconds(attoseconds: saturating(lhs.attoseconds.subtractingReportingOverflow(rhs.attoseconds)))
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout ExactSeconds, rhs: ExactSeconds) {
        lhs = lhs + rhs
    }

    /// The length `factor` times over, held at the ends of the range rather than overflowing.
    public static func * (lhs: ExactSeconds, factor: Int) -> ExactSeconds {
        lhs * Int128(factor)
    }

    static func * (lhs: ExactSeconds, factor: Int128) -> ExactSeconds {
        ExactSeconds(attoseconds: saturatingProduct(lhs.attoseconds, factor))
    }

    /// Orders by length.
    public static func < (lhs: ExactSeconds, rhs: ExactSeconds) -> Bool {
        lhs.attoseconds < rhs.attoseconds
    }

    /// A sum or difference, or the end of the range it passed.
    private static func saturating(_ result: (partialValue: Int128, overflow: Bool)) -> Int128 {
        guard result.overflow else { return result.partialValue }
        // A sum overflows only past the end its operands lean to, so the wrapped value has the
        // wrong sign: the true result lies past the other end.
        return result.partialValue < 0 ? Int128.max : Int128.min
    }

    /// A product, or the end of the range it passed.
    private static func saturatingProduct(_ lhs: Int128, _ rhs: Int128) -> Int128 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        guard overflow else { return product }
        return (lhs < 0) == (rhs < 0) ? Int128.max : Int128.min
    }

    /// Long division to 20 significant digits written out in decimal, then one correctly rounded
    /// conversion by the standard library's parser.
    private static func nearestDouble(numerator: Int128, denominator: Int128) -> Double {
        guard denominator != 0 else { return numerator == 0 ? .nan : (numerator > 0 ? .infinity : -.infinity) }
        let negative = (numerator < 0) != (denominator < 0)
        let dividend = numerator.magnitude, divisor = denominator.magnitude
        // Ten times the remainder must fit; only a divisor near the top of the range fails that.
        guard divisor <= UInt128.max / 10 else { return Double(numerator) / Double(denominator) }
        var (whole, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        var text = negative ? "-" : ""
        text += String(whole)
        var significant = whole == 0 ? 0 : text.count - (negative ? 1 : 0)
        var fraction = ""
        var exponent = 0
        while remainder != 0 && significant < 20 && exponent < 400 {
            remainder *= 10
            (whole, remainder) = remainder.quotientAndRemainder(dividingBy: divisor)
            fraction += String(whole)
            exponent += 1
            if significant > 0 || whole != 0 { significant += 1 }
        }
        // A remainder left over means the true value lies above the digits written: a final 1
        // keeps a tie between two Doubles from rounding the wrong way.
        if remainder != 0 { fraction += "1" }
        if !fraction.isEmpty { text += "." + fraction }
        return Double(text) ?? Double(numerator) / Double(denominator)
    }
}
