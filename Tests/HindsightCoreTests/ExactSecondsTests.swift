import Testing
@testable import HindsightCore

/// Weighted downtime counted exactly: each figure is the decimal worked out by hand, compared
/// with `==`, where binary floating point gives a neighbour of it.
struct ExactSecondsTests {
    @Test(arguments: [
        // 3 ms at 0.3 is 0.9 ms; 3 × 0.3 / 1000 in Double is 0.0008999999999999999.
        (3 as Int64, 0.3, 0.0009),
        (3 as Int64, 0.1, 0.0003),
        (3 as Int64, 0.7, 0.0021),
        (600_000 as Int64, 0.8, 480.0),
        (1 as Int64, 0.125, 0.000125),
        (7_200_000 as Int64, 1.0, 7_200.0),
    ])
    func aFractionIsWeighedAsTheDecimalItIsWrittenAs(milliseconds: Int64, fraction: Double, seconds: Double) {
        #expect(ExactSeconds(milliseconds: milliseconds, weightedBy: fraction).seconds == seconds)
    }

    @Test func fractionsAreReadFromTheirDecimalDigits() {
        // Attoseconds per millisecond: 10^15 × the fraction.
        #expect(ExactSeconds.attosecondsPerMillisecond(at: 0.3) == 300_000_000_000_000)
        #expect(ExactSeconds.attosecondsPerMillisecond(at: 1e-05) == 10_000_000_000)
        #expect(ExactSeconds.attosecondsPerMillisecond(at: 1.5e-07) == 150_000_000)
        // Past 15 decimals the digits are rounded: 0.1234567890123456 → …0123456 rounds up at the 15th.
        #expect(ExactSeconds.attosecondsPerMillisecond(at: 0.1234567890123456) == 123_456_789_012_346)
        #expect(ExactSeconds.attosecondsPerMillisecond(at: 0) == 0)
        #expect(ExactSeconds.attosecondsPerMillisecond(at: -0.5) == 0)
        #expect(ExactSeconds.attosecondsPerMillisecond(at: .nan) == 0)
    }

    @Test func sumsAndDifferencesOfDecimalsStayDecimal() {
        let a = ExactSeconds(milliseconds: 360_000, weightedBy: 0.7)   // 252 s
        let b = ExactSeconds(milliseconds: 720_000, weightedBy: 0.7)   // 504 s
        #expect((a + b).seconds == 756)            // (360 000 × 0.7 + 720 000 × 0.7) / 1000 in Double: 755.9999999999999
        let allowed = ExactSeconds(milliseconds: 7_948_800)   // 99.9 % of a 92-day quarter
        let used = ExactSeconds(milliseconds: 3_000, weightedBy: 0.3)   // 0.9 s
        #expect((allowed - used).seconds == 7_947.9)   // 7948.8 − 0.9 in Double: 7947.900000000001
        #expect((used - allowed).seconds == -7_947.9)
        #expect(allowed > used && used < allowed && allowed == ExactSeconds(milliseconds: 7_948_800))
    }

    @Test func sharingRoundsToTheNearestAttosecondAndAddsBackUp() {
        let total = ExactSeconds(milliseconds: 100_800)   // 100.8 s
        #expect(total.dividedEqually(among: 3).seconds == 33.6)
        #expect(total.dividedEqually(among: 3) * 3 == total)
        // 1 s in three parts: 333 333 333 333 333 333 as each, one attosecond short of the whole.
        let third = ExactSeconds(seconds: 1).dividedEqually(among: 3)
        #expect(third.attoseconds == 333_333_333_333_333_333)
        #expect(third.seconds == 1.0 / 3)
        // Two thirds round up: …667.
        #expect(ExactSeconds(seconds: 2).dividedEqually(among: 3).attoseconds == 666_666_666_666_666_667)
        #expect(ExactSeconds(seconds: -2).dividedEqually(among: 3).attoseconds == -666_666_666_666_666_667)
    }

    @Test func ratiosAreRoundedOnce() {
        // 100 × (t − d) / t with d = 1 % of t is exactly 99: a credit tier boundary.
        let window = ExactSeconds(milliseconds: 2_592_000_000)
        let down = ExactSeconds(milliseconds: 25_920_000)
        #expect(ExactSeconds.ratio((window - down) * 100, window) == 99)
        #expect(ExactSeconds.ratio(1, 3) == 1.0 / 3)
        #expect(ExactSeconds.ratio(2, 3) == 2.0 / 3)
        #expect(ExactSeconds.ratio(-1, 8) == -0.125)
        #expect(ExactSeconds.ratio(1, 0) == .infinity)
        #expect(ExactSeconds.ratio(-1, 0) == -.infinity)
        #expect(ExactSeconds.ratio(0, 0).isNaN)
    }

    @Test func arithmeticSaturatesInsteadOfTrapping() {
        let huge = ExactSeconds(attoseconds: Int128.max)
        #expect(huge + huge == huge)
        #expect(ExactSeconds(attoseconds: Int128.min) - huge == ExactSeconds(attoseconds: Int128.min))
        #expect(huge * 2 == huge)
        #expect(huge * -2 == ExactSeconds(attoseconds: Int128.min))
        // The longest length an Int64 of seconds can hold still fits.
        #expect(ExactSeconds(seconds: Int64.max).seconds == Double(Int64.max))
    }
}
