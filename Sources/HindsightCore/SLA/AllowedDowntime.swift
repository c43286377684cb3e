/// The downtime an objective allows over a window, computed from the objective's decimal digits
/// so that 99.9 % of 7 948 800 s is exactly 7948.8 s, not 7948.800000000007 as (1 − 0.999) × w
/// gives in binary floating point.
public enum AllowedDowntime {
    /// (100 − objective) / 100 × window, in seconds, rounded once to the nearest Double.
    public static func seconds(objectivePercent: Double, windowMilliseconds: Int64) -> Double {
        guard let (digits, scale) = decimalDigits(of: objectivePercent) else {
            return (100 - objectivePercent) / 100 * Double(windowMilliseconds) / 1000
        }
        // objective = digits / 10^scale, so allowed = window × (100·10^scale − digits) / (100·10^scale).
        let denominator = power10(scale) * 100
        let shortfall = denominator - digits
        let (product, overflow) = windowMilliseconds.multipliedReportingOverflow(by: shortfall)
        let exactLimit: Int64 = 1 << 53
        guard !overflow, product.magnitude < exactLimit.magnitude, denominator * 1000 < exactLimit else {
            return Double(shortfall) / Double(denominator) * Double(windowMilliseconds) / 1000
        }
        // Both operands are exact in a Double, so the one division rounds correctly.
        return Double(product) / Double(denominator * 1000)
    }

    /// The objective as digits × 10^−scale, read from its shortest decimal spelling; nil when it
    /// needs an exponent or more than 9 decimals.
    static func decimalDigits(of value: Double) -> (digits: Int64, scale: Int)? {
        let text = "\(value)"
        guard !text.contains("e"), !text.contains("E") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fractionValue = fraction.isEmpty ? 0 : (Int64(fraction) ?? 0)
        return (whole * power10(fraction.count) + fractionValue, fraction.count)
    }

    private static func power10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }
}
