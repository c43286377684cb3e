/// A finite `Double` read as the decimal of its shortest spelling (`0.3` is 3 × 10⁻¹, not the
/// binary number nearest to it): the value is `digits` × 10^−`decimals`.
///
/// Why: objectives and impact fractions are written as decimals, and the SLA arithmetic must
/// give the figure those decimals give, so it works on their digits rather than on the binary
/// approximation.
struct DecimalDigits: Equatable {
    /// The digits as an integer, with the sign.
    let digits: Int128
    /// How many of them lie after the decimal point; never negative.
    let decimals: Int

    /// Reads `value`; nil when it is not finite or needs more than 38 digits written out.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        // "\(value)" gives the shortest spelling that reads back as the same Double:
        // "0.3", "99.95", "1e-05", "1.5e-07", "1e+16".
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        guard let exponent = parts.count == 2 ? Int(parts[1]) : 0 else { return nil }
        let mantissa = parts[0]
        let written = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        guard var digits = Int128(mantissa.filter { $0 != "." }) else { return nil }
        var decimals = written - exponent
        if decimals < 0 {
            guard -decimals <= 38 else { return nil }
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: Self.power10(-decimals))
            guard !overflow else { return nil }
            digits = scaled
            decimals = 0
        }
        guard decimals <= 38 else { return nil }
        // "0.30" cannot occur, but "1.0" does: trailing zeros carry no decimals.
        while decimals > 0, digits % 10 == 0 {
            digits /= 10
            decimals -= 1
        }
        self.digits = digits
        self.decimals = decimals
    }

    /// 10 to the power `exponent` (0…38).
    static func power10(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
