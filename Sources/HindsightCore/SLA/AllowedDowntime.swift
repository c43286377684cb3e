/// The downtime an objective allows over a window, computed from the objective's decimal digits
/// so that 99.9 % of 7 948 800 s is exactly 7948.8 s, not 7948.800000000007 as (1 − 0.999) × w
/// gives in binary floating point.
public enum AllowedDowntime {
    /// (100 − objective) / 100 × window, exactly when the objective has at most 13 decimals
    /// (else rounded to the attosecond).
    public static func downtime(objectivePercent: Double, windowMilliseconds: Int64) -> ExactSeconds {
        guard let objective = DecimalDigits(objectivePercent) else { return .zero }
        // objective = digits / 10^D, so allowed = window × (100·10^D − digits) / (100·10^D) ms,
        // and a millisecond is 10^15 attoseconds: window × (100·10^D − digits) × 10^(13 − D).
        let scale = DecimalDigits.power10(objective.decimals)
        let (hundred, overflow) = scale.multipliedReportingOverflow(by: 100)
        guard !overflow else { return .zero }
        let shortfall = hundred - objective.digits
        // Not yet attoseconds: the product still takes the factor 10^(13 − D).
        let unscaled = ExactSeconds(attoseconds: Int128(windowMilliseconds)) * shortfall
        if objective.decimals <= 13 { return unscaled * DecimalDigits.power10(13 - objective.decimals) }
        return unscaled.divided(by: DecimalDigits.power10(objective.decimals - 13))
    }

    /// ``downtime(objectivePercent:windowMilliseconds:)`` in seconds, rounded once to a `Double`.
    public static func seconds(objectivePercent: Double, windowMilliseconds: Int64) -> Double {
        downtime(objectivePercent: objectivePercent, windowMilliseconds: windowMilliseconds).seconds
    }
}
