import PropertyBased
import Testing
@testable import HindsightCore

/// Invariants of the downtime integral on random impacts, checked against a brute-force
/// reference that walks the span second by second. Impacts may start before the span, and some
/// have no end, so that clipping at the span's start and running to the as-of instant are reached.
struct DowntimePropertyTests {
    /// An impact on a whole-second grid: start offset, length, fraction, incident; an open one
    /// has no end and runs to the as-of instant, its length unused.
    struct GridImpact: Sendable, CustomStringConvertible {
        var start: Int64
        var length: Int64
        var fraction: Double
        var incident: Int
        var open = false
        var description: String { "[\(start), \(open ? "as of" : "\(start + length)")) × \(fraction) #\(incident)" }

        /// The end offset as of `asOf`.
        func end(asOf: Int64) -> Int64 { open ? asOf : start + length }
    }

    private static let fractions = [0.1, 0.25, 0.5, 0.8, 1.0]
    private static let origin = Instant(millisecondsSinceEpoch: 1_700_000_000_000)

    // One impact in five is open; starts from −600 reach before the span [0, 3600).
    private static let impacts = zip(Gen.int(in: -600...3_000), Gen.int(in: 1...1_500), Gen.int(in: 0...4), Gen.int(in: 0...3),
                                     Gen.int(in: 0...4))
        .map { GridImpact(start: Int64($0), length: Int64($1), fraction: fractions[$2], incident: $3, open: $4 == 0) }
        .array(of: 0...8)
    private static let maintenance = zip(Gen.int(in: -300...3_600), Gen.int(in: 1...600)).array(of: 0...2)
    private static let cut = Gen.int(in: 0...3_600)
    /// As-of instants before, inside and after the span.
    private static let asOf = Gen.int(in: -100...4_000)
    private static let farFuture: Int64 = 100_000

    private static func intervals(_ grid: [GridImpact]) -> [DowntimeInterval] {
        grid.map { DowntimeInterval(start: origin.adding(seconds: $0.start),
                                    end: $0.open ? nil : origin.adding(seconds: $0.start + $0.length),
                                    fraction: $0.fraction, incidentID: "i\($0.incident)") }
    }

    private static func spans(_ grid: [(Int, Int)]) -> [InstantSpan] {
        grid.map { InstantSpan(start: origin.adding(seconds: Int64($0.0)), end: origin.adding(seconds: Int64($0.0 + $0.1))) }
    }

    private static func span(_ from: Int64, _ to: Int64) -> InstantSpan {
        InstantSpan(start: origin.adding(seconds: from), end: origin.adding(seconds: to))
    }

    private static func measure(_ grid: [GridImpact], _ maintenance: [(Int, Int)], from: Int64 = 0, to: Int64 = 3_600,
                                policy: PartialImpactPolicy = .weighted, asOf: Int64 = farFuture) -> Double {
        DowntimeCalculator.seconds(over: span(from, to), impacts: intervals(grid), maintenance: spans(maintenance),
                                   policy: policy, asOf: origin.adding(seconds: asOf))
    }

    /// The reference: each second of [from, to) before the as-of instant is down by the largest
    /// fraction covering it, unless maintenance covers it.
    private static func bruteForce(_ grid: [GridImpact], _ maintenance: [(Int, Int)], from: Int64 = 0, to: Int64 = 3_600,
                                   asOf: Int64 = farFuture) -> Double {
        var total = 0.0
        for second in from..<max(from, min(to, asOf)) {
            if maintenance.contains(where: { Int64($0.0) <= second && second < Int64($0.0 + $0.1) }) { continue }
            total += grid.filter { $0.start <= second && second < $0.end(asOf: asOf) }.map(\.fraction).max() ?? 0
        }
        return total
    }

    @Test func matchesTheSecondBySecondReference() async {
        await propertyCheck(input: Self.impacts, Self.maintenance) { grid, maintenance in
            #expect(abs(Self.measure(grid, maintenance) - Self.bruteForce(grid, maintenance)) < 1e-6)
        }
    }

    /// An as-of instant before, inside or after the span: open impacts run to it, nothing at or
    /// after it counts.
    @Test func matchesTheReferenceAsOfAnyInstant() async {
        await propertyCheck(input: Self.impacts, Self.maintenance, Self.asOf) { grid, maintenance, asOf in
            let asOf = Int64(asOf)
            #expect(abs(Self.measure(grid, maintenance, asOf: asOf) - Self.bruteForce(grid, maintenance, asOf: asOf)) < 1e-6)
        }
    }

    @Test func neverExceedsTheSpan() async {
        await propertyCheck(input: Self.impacts, Self.cut) { grid, end in
            let downtime = Self.measure(grid, [], to: Int64(end))
            #expect(downtime >= 0 && downtime <= Double(end))
        }
    }

    @Test func isUnchangedBySplittingTheSpan() async {
        await propertyCheck(input: Self.impacts, Self.maintenance, Self.cut) { grid, maintenance, cut in
            let whole = Self.measure(grid, maintenance)
            let parts = Self.measure(grid, maintenance, to: Int64(cut)) + Self.measure(grid, maintenance, from: Int64(cut))
            #expect(abs(whole - parts) < 1e-6)
        }
    }

    @Test func isMonotoneInTheFractions() async {
        await propertyCheck(input: Self.impacts, Gen.int(in: 0...7)) { grid, which in
            guard !grid.isEmpty else { return }
            var raised = grid
            raised[which % grid.count].fraction = 1
            #expect(Self.measure(raised, []) >= Self.measure(grid, []) - 1e-9)
        }
    }

    @Test func ignoresTheOrderOfImpacts() async {
        await propertyCheck(input: Self.impacts) { grid in
            let forward = Self.measure(grid, [])
            #expect(abs(Self.measure(grid.reversed(), []) - forward) < 1e-9)
            #expect(abs(Self.measure(grid.sorted { $0.length < $1.length }, []) - forward) < 1e-9)
        }
    }

    @Test func aFullyCoveredSpanGivesExactlyItsLength() async {
        await propertyCheck(input: Self.impacts, Self.cut) { grid, end in
            let cover = GridImpact(start: 0, length: 3_600, fraction: 1, incident: 9)
            #expect(Self.measure(grid + [cover], [], to: Int64(end)) == Double(end))
        }
    }

    @Test func partialFullIsNeverLessThanWeighted() async {
        await propertyCheck(input: Self.impacts, Self.maintenance) { grid, maintenance in
            #expect(Self.measure(grid, maintenance, policy: .full) >= Self.measure(grid, maintenance) - 1e-9)
        }
    }

    @Test func theIncidentsSharesAddUpToTheDowntime() async {
        await propertyCheck(input: Self.impacts, Self.maintenance) { grid, maintenance in
            let profile = DowntimeCalculator.profile(over: Self.span(0, 3_600), impacts: Self.intervals(grid),
                                                     maintenance: Self.spans(maintenance), policy: .weighted,
                                                     asOf: Self.origin.adding(seconds: 100_000))
            #expect(abs(profile.secondsByIncident.values.reduce(0, +) - profile.seconds) < 1e-6)
        }
    }
}
