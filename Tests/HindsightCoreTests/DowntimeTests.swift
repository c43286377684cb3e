import Testing
@testable import HindsightCore

/// Downtime integrals, each against a figure worked out by hand in seconds.
struct DowntimeTests {
    /// 2019-10-30T18:00:00Z; the examples place their impacts at offsets from it.
    private let origin = Instant(millisecondsSinceEpoch: 1_572_458_400_000)
    private func at(_ seconds: Int64) -> Instant { origin.adding(seconds: seconds) }
    private var hour: InstantSpan { InstantSpan(start: at(-3_600), end: at(7_200)) }

    private func impact(_ from: Int64, _ to: Int64?, _ fraction: Double = 1, _ incident: String = "a") -> DowntimeInterval {
        DowntimeInterval(start: at(from), end: to.map(at), fraction: fraction, incidentID: incident)
    }

    private func downtime(_ impacts: [DowntimeInterval], maintenance: [InstantSpan] = [], policy: PartialImpactPolicy = .weighted,
                          span: InstantSpan? = nil, asOf: Instant? = nil) -> Double {
        DowntimeCalculator.seconds(over: span ?? hour, impacts: impacts, maintenance: maintenance, policy: policy,
                                   asOf: asOf ?? at(1_000_000))
    }

    @Test func theSpecsExampleCountsTheLargestFractionOnce() {
        // A 12-minute full outage and, over its last 2 minutes, a 10-minute 80 % one:
        // 720 + 0.8 × 480 = 1104.
        #expect(downtime([impact(0, 720), impact(600, 1_200, 0.8, "b")]) == 1_104)
    }

    @Test func overlappingOutagesAreDownOnce() {
        #expect(downtime([impact(0, 600), impact(300, 900, 1, "b")]) == 900)
        // 0.5 over [0, 1000) under 0.8 over [500, 1500): 0.5 × 500 + 0.8 × 1000 = 1050.
        #expect(downtime([impact(0, 1_000, 0.5), impact(500, 1_500, 0.8, "b")]) == 1_050)
    }

    @Test func maintenanceIsCutOut() {
        // An hour down with 15 minutes of announced maintenance inside: 2700.
        let maintenance = [InstantSpan(start: at(1_800), end: at(2_700))]
        #expect(downtime([impact(0, 3_600)], maintenance: maintenance) == 2_700)
        // Overlapping maintenance windows are not subtracted twice: [1800, 2700) ∪ [2400, 3000) = 1200 s.
        let twice = maintenance + [InstantSpan(start: at(2_400), end: at(3_000))]
        #expect(downtime([impact(0, 3_600)], maintenance: twice) == 2_400)
    }

    @Test func anOngoingImpactRunsToTheAsOfInstant() {
        #expect(downtime([impact(0, nil)], asOf: at(1_200)) == 1_200)
        // And as-of cuts off an ended impact too.
        #expect(downtime([impact(0, 3_600)], asOf: at(1_800)) == 1_800)
    }

    @Test func partialFullCountsAnyFractionAsOne() {
        #expect(downtime([impact(0, 3_600, 0.25)], policy: .weighted) == 900)
        #expect(downtime([impact(0, 3_600, 0.25)], policy: .full) == 3_600)
    }

    @Test func impactsAreSplitAtTheSpansBoundaries() throws {
        // 23:30–00:30 UTC across the September/October boundary: 1800 s in each month.
        let utc = try LocalCalendar(timeZoneName: "UTC")
        let across = DowntimeInterval(start: try Instant(parsing: "2019-09-30T23:30:00Z"),
                                      end: try Instant(parsing: "2019-10-01T00:30:00Z"), fraction: 1, incidentID: "a")
        let months = SLAWindow.overlapping(InstantSpan(start: across.start, end: across.end ?? across.start), kind: .month, calendar: utc)
        #expect(months.map(\.label) == ["2019-09", "2019-10"])
        let seconds = months.map {
            DowntimeCalculator.seconds(over: $0.span, impacts: [across], maintenance: [], policy: .weighted, asOf: at(10_000_000))
        }
        #expect(seconds == [1_800, 1_800])
    }

    @Test func tiedIncidentsShareTheDowntime() {
        // [0, 300) only a, [300, 600) a and b tie, [600, 900) only b: each gets 300 + 150 = 450.
        let profile = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 600), impact(300, 900, 1, "b")],
                                                 maintenance: [], policy: .weighted, asOf: at(1_000_000))
        #expect(profile.secondsByIncident == ["a": 450, "b": 450])
        // The higher fraction takes it all: a at 0.5 under b at 1.
        let higher = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 600, 0.5), impact(300, 900, 1, "b")],
                                                maintenance: [], policy: .weighted, asOf: at(1_000_000))
        #expect(higher.secondsByIncident == ["a": 150, "b": 600])
    }

    @Test func causesShareAnIncidentsDowntimeEqually() {
        // Incidents x (causes cache, dns) and y (cache) with 450 s each: cache 225 + 450, dns 225.
        let factors = [Factor(id: "f1", title: "t", cause: "cache"), Factor(id: "f2", title: "t", cause: "dns"),
                       Factor(id: "f3", title: "t", cause: "cache")]
        let x = IncidentFacts(id: "x", title: "x", startedAt: origin, factors: factors)
        let y = IncidentFacts(id: "y", title: "y", startedAt: origin, factors: [Factor(id: "f", title: "t", cause: "cache")])
        let z = IncidentFacts(id: "z", title: "z", startedAt: origin)
        let shares = CauseShare.attribute(["x": 450, "y": 450, "z": 60], incidents: [x, y, z])
        #expect(shares.map(\.cause) == ["cache", "dns", CauseShare.unrecorded])
        #expect(shares.map(\.downtimeSeconds) == [675, 225, 60])
        #expect(shares[0].incidentIDs == ["x", "y"])
        // Not a cause, so last even when it is the largest share.
        let larger = CauseShare.attribute(["x": 450, "z": 6000], incidents: [x, z])
        #expect(larger.map(\.cause) == ["cache", "dns", CauseShare.unrecorded])
    }

    @Test func causeSharesArePartsOfTheirSum() {
        // 675 + 225 + 60 = 960 s: 675/960 = 70.3125 %, 225/960 = 23.4375 %, 60/960 = 6.25 %.
        let shares = [CauseShare(cause: "cache", downtime: 675, incidentIDs: ["x"]),
                      CauseShare(cause: "dns", downtime: 225, incidentIDs: ["x"]),
                      CauseShare(cause: "tls", downtime: 60, incidentIDs: ["y"])]
        let expected: [Double?] = [70.3125, 23.4375, 6.25]
        #expect(CauseShare.percents(of: shares) == expected)
        // Three equal shares of 300 ms: each is 100/3 %, the Double nearest to it.
        let thirds = ["a", "b", "c"].map { CauseShare(cause: $0, downtime: ExactSeconds(milliseconds: 900).dividedEqually(among: 3),
                                                      incidentIDs: []) }
        let third: Double = 100.0 / 3
        #expect(CauseShare.percents(of: thirds) == [third, third, third])
        // Nothing to share: no percentage, not a division by zero.
        let none: [Double?] = [nil]
        #expect(CauseShare.percents(of: [CauseShare(cause: "cache", downtime: .zero, incidentIDs: ["z"])]) == none)
        #expect(CauseShare.percents(of: []).isEmpty)
    }

    @Test func partialDowntimeAddsUpToTheDecimalFigure() {
        // a at 0.7 for 6 minutes, then b at 0.7 for 12: 252 + 504 = 756 s. Summed in binary
        // floating point, 360 000 × 0.7 + 720 000 × 0.7 milliseconds gave 755.9999999999999 s.
        let profile = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 360, 0.7), impact(600, 1_320, 0.7, "b")],
                                                 maintenance: [], policy: .weighted, asOf: at(1_000_000))
        #expect(profile.seconds == 756)
        #expect(profile.secondsByIncident == ["a": 252, "b": 504])
        // Split among three causes, 252 s is 84 s each, and the shares add back to the whole.
        let factors = ["cache", "dns", "tls"].map { Factor(id: $0, title: "t", cause: $0) }
        let shares = CauseShare.attribute(profile.downtimeByIncident,
                                          incidents: [IncidentFacts(id: "a", title: "a", startedAt: origin, factors: factors)])
        #expect(shares.map(\.downtimeSeconds) == [84, 84, 84])
        // 3 ms at 0.3 is 0.9 ms, not 0.0008999999999999999 s.
        let tiny = DowntimeCalculator.profile(over: hour, impacts: [DowntimeInterval(start: at(0), end: at(0).adding(milliseconds: 3),
                                                                                     fraction: 0.3, incidentID: "a")],
                                              maintenance: [], policy: .weighted, asOf: at(1_000_000))
        #expect(tiny.seconds == 0.0009)
    }

    @Test func theBudgetRunsOutAtTheExactMillisecond() {
        // At 0.3, 0.9 s of downtime takes 3 s; 0.9000000000000001 s would take one more millisecond.
        let profile = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 60, 0.3)], maintenance: [],
                                                 policy: .weighted, asOf: at(1_000_000))
        #expect(profile.instant(whenReaching: ExactSeconds(milliseconds: 900)) == at(3))
        #expect(profile.instant(whenReaching: ExactSeconds(milliseconds: 900) + ExactSeconds(attoseconds: 1))
                == at(3).adding(milliseconds: 1))
    }

    @Test func budgetRunsOutWhenTheDowntimeReachesTheAllowance() {
        // 1380 s from 14:00 against 900 allowed: the budget was gone at 14:15.
        let profile = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 1_380)], maintenance: [],
                                                 policy: .weighted, asOf: at(1_000_000))
        #expect(profile.instant(whenReaching: 900) == at(900))
        #expect(profile.instant(whenReaching: 2_000) == nil)
        // At half strength it takes twice as long: 300 s of downtime after 600 s.
        let half = DowntimeCalculator.profile(over: hour, impacts: [impact(0, 1_380, 0.5)], maintenance: [],
                                              policy: .weighted, asOf: at(1_000_000))
        #expect(half.instant(whenReaching: 300) == at(600))
    }

    @Test(arguments: [
        ([60.0, 120, 600, 3_600], 360.0, 2_700.0),  // median (120 + 600) / 2; p90 at rank 2.7: 600 + 0.7 × 3000
        ([42.0], 42.0, 42.0),
        ([5.0, 1, 3], 3.0, 4.6),                    // p90 at rank 1.8: 3 + 0.8 × 2
        ([600.0, 1_800, 1_200, 7_200], 1_500.0, 5_580.0),  // p90 at rank 2.7: 1800 + 0.7 × 5400
        ([0.5, 0.25], 0.375, 0.475),                // p90 at rank 0.9: 0.25 + 0.9 × 0.25
    ])
    func mediansAndPercentilesInterpolateBetweenRanks(values: [Double], median: Double, p90: Double) throws {
        let summary = DistributionSummary(values)
        #expect(summary.median == median)
        // Exactly the nearest Double to the figure worked out by hand, not merely close to it.
        #expect(summary.p90 == p90)
        #expect(summary.count == values.count)
    }

    @Test func anEmptyDistributionHasNoMedian() {
        let summary = DistributionSummary([])
        #expect(summary.median == nil && summary.p90 == nil && summary.count == 0)
    }
}
