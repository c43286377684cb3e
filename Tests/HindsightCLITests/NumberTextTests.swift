@testable import HindsightCLI
import Testing

/// Fixed decimals round the decimal a number is written as in JSON (its shortest round-trip
/// spelling), so a figure in a table never disagrees with the same figure in JSON.
struct NumberTextTests {
    /// Each case is the decimal written out by hand and rounded by hand; the `Double` of each of the
    /// first three lies just below the decimal (99.9005 is 99.900499999999993…, 1.005 is
    /// 1.00499999999999989…, 0.0003 is 0.000299999999999999973…), which is where scaling the
    /// `Double` and rounding went wrong.
    @Test(arguments: [
        (99.9005, 4, "99.9005"),
        (0.0003, 4, "0.0003"),
        (99.99995, 4, "99.9999"),  // never up to a figure not reached
        (99.99999999999999, 4, "99.9999"),
        (100, 4, "100.0000"),
        (0, 4, "0.0000"),
        (0.00001, 4, "0.0000"),  // written 1e-05
        (1e16, 1, "10000000000000000.0"),  // written 1e+16
    ])
    func roundingDownCutsTheWrittenDecimal(value: Double, places: Int, expected: String) {
        #expect(NumberText.fixedDown(value, places: places) == expected)
    }

    @Test(arguments: [
        (1.005, 2, "1.01"),  // a half goes away from zero
        (1.004, 2, "1.00"),
        (3.7064017660044148, 2, "3.71"),
        (9.995, 2, "10.00"),  // the carry reaches a new digit
        (0.00005, 4, "0.0001"),  // written 5e-05: the first dropped digit is the 5
        (0.0000049, 4, "0.0000"),
        (-1.005, 2, "-1.01"),
        (-0.004, 2, "0.00"),  // no sign on a zero
        (45.25, 1, "45.3"),
        (12.5, 0, "13"),
    ])
    func roundingToNearestRoundsTheWrittenDecimal(value: Double, places: Int, expected: String) {
        #expect(NumberText.fixed(value, places: places) == expected)
    }

    @Test func notANumberIsADash() {
        #expect(NumberText.fixed(.nan, places: 2) == "–")
        #expect(NumberText.fixedDown(.infinity, places: 4) == "–")
        #expect(NumberText.percent(nil) == "–")
        #expect(NumberText.percent(45.25) == "45.3%")
    }
}
