/// The downtime an objective allows over a window, computed from the objective's decimal digits
/// so that 99.9 % of 7 948 800 s is exactly 7948.8 s, not 7948.800000000007 as (1 − 0.999) × w
/// gives in binary floating point.
public enum AllowedDowntime {
    /// (100 − objective) / 100 × window, exactly when the objective has at most 13 decimals
    /// (else rounded to the attosecond, a half toward the whole window).
    public static func downtime(objectivePercent: Double, windowMilliseconds: Int64) -> ExactSeconds {
        let window = ExactSeconds(milliseconds: windowMilliseconds)
        guard let objective = DecimalDigits(objectivePercent) else {
            guard objectivePercent > 0 && objectivePercent < 1 else { return .zero }
            return window - tinyObjectiveShare(objectivePercent: objectivePercent, windowMilliseconds: windowMilliseconds)
        }
        // objective = digits / 10^D, so allowed = window × (100·10^D − digits) / (100·10^D) ms,
        // and a millisecond is 10^15 attoseconds: window × (100·10^D − digits) × 10^(13 − D).
        if objective.decimals <= 13 {
            let shortfall = DecimalDigits.power10(objective.decimals) * 100 - objective.digits
            return ExactSeconds(attoseconds: Int128(windowMilliseconds)) * shortfall
                * DecimalDigits.power10(13 - objective.decimals)
        }
        // Past 13 decimals window × 100·10^D outgrows 128 bits (10^D alone is 10^30 for an objective
        // of 1e-30 %), so the whole window, window × 10^15 attoseconds, is taken apart from the
        // objective's share, window × digits / 10^(D − 13), which fits: a window is an Int64 and the
        // digits of a Double are fewer than 10^17.
        let (share, remainder) = (Int128(windowMilliseconds) * objective.digits)
            .quotientAndRemainder(dividingBy: DecimalDigits.power10(objective.decimals - 13))
        let roundedShare = remainder * 2 > DecimalDigits.power10(objective.decimals - 13) ? share + 1 : share
        return window - ExactSeconds(attoseconds: roundedShare)
    }

    /// ``downtime(objectivePercent:windowMilliseconds:)`` in seconds, rounded once to a `Double`.
    public static func seconds(objectivePercent: Double, windowMilliseconds: Int64) -> Double {
        downtime(objectivePercent: objectivePercent, windowMilliseconds: windowMilliseconds).seconds
    }

    /// The objective's share of the window, window × objective / 100, rounded to the attosecond,
    /// for an objective between 0 and 1 whose digits ``DecimalDigits`` cannot hold.
    ///
    /// Why a `Double` will do: in (0, 100) only an objective below about 10⁻²¹ % spreads past 38
    /// decimals, and its share of even the longest window is a few attoseconds, far inside the
    /// 53 bits a `Double` keeps exactly. Below 1 % the share stays below 2^63 × 10^13, well
    /// inside an `Int128`.
    private static func tinyObjectiveShare(objectivePercent: Double, windowMilliseconds: Int64) -> ExactSeconds {
        ExactSeconds(attoseconds: Int128((Double(windowMilliseconds) * objectivePercent * 1e13).rounded()))
    }
}
