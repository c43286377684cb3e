/// Numbers for people: fixed decimals without Foundation's locale-dependent formatting.
///
/// A number is rounded as the decimal that JSON output writes for it (the shortest one that reads
/// back as the same `Double`), not as the binary fraction the `Double` holds. So an availability the
/// JSON gives as `99.9005` shows as `99.9005%`, where scaling the `Double` (99.900499999…) by 10⁴
/// and rounding down would show `99.9004%`, and a burn rate of `1.005` shows as `1.01`.
enum NumberText {
    /// `value` with exactly `places` decimals, rounded to nearest (halves away from zero).
    static func fixed(_ value: Double, places: Int) -> String {
        fixed(value, places: places, roundingUp: { next in next >= 5 })
    }

    /// `value` with exactly `places` decimals, rounded down: an availability of 99.99995 % shows
    /// as 99.9999 %, never as a 100 % it did not reach.
    static func fixedDown(_ value: Double, places: Int) -> String {
        fixed(value, places: places, roundingUp: { _ in false })
    }

    /// A percentage such as `45.3%`, or `–` when there is none.
    static func percent(_ value: Double?, places: Int = 1) -> String {
        value.map { fixed($0, places: places) + "%" } ?? "–"
    }

    /// Rounds the decimal digits of `value` at `places` decimals; `roundingUp` is given the first
    /// dropped digit and says whether the kept part moves one unit away from zero (only the first
    /// dropped digit matters for both rules used here).
    private static func fixed(_ value: Double, places: Int, roundingUp: (Int) -> Bool) -> String {
        guard value.isFinite else { return "–" }
        let (digits, pointAt) = decimalDigits(of: value.magnitude)
        // The digits kept: everything before the point and `places` after it, padded with zeros.
        let keptCount = max(pointAt + places, 0)
        var kept = (0..<keptCount).map { $0 < digits.count ? digits[$0] : 0 }
        let firstDropped = keptCount < digits.count && pointAt + places >= 0 ? digits[keptCount] : 0
        if roundingUp(firstDropped) {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        let wholeCount = kept.count - places
        let whole = wholeCount > 0 ? kept[..<wholeCount].map(String.init).joined() : "0"
        let fraction = kept[max(wholeCount, 0)...].map(String.init).joined()
        let paddedFraction = String(repeating: "0", count: places - fraction.count) + fraction
        // A value that rounds to zero is written without a sign.
        let sign = value < 0 && kept.contains { $0 != 0 } ? "-" : ""
        return places > 0 ? sign + whole + "." + paddedFraction : sign + whole
    }

    /// The significant digits of the shortest decimal that reads back as `magnitude`, and how many
    /// of them come before the decimal point (negative or beyond the digits for small or large
    /// numbers): 99.9005 is ([9, 9, 9, 0, 0, 5], 2), 1e-05 is ([1], -4), 1e+16 is ([1], 17).
    private static func decimalDigits(of magnitude: Double) -> (digits: [Int], pointAt: Int) {
        // Swift writes a Double as its shortest round-trip decimal: "99.9005", "1e-05", "1e+16".
        let text = "\(magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = mantissa[0]
        let fractionPart = mantissa.count == 2 ? mantissa[1] : ""
        var digits = (integerPart + fractionPart).compactMap(\.wholeNumberValue)
        var pointAt = integerPart.count + exponent
        while digits.count > 1, digits[0] == 0 {
            digits.removeFirst()
            pointAt -= 1
        }
        return (digits, pointAt)
    }
}
