import PropertyBased
import Testing
@testable import HindsightCore

/// `RepeatScan`, fed occurrences in start order, answers as `RepeatIndex.repeatsAny` over all of them.
struct RepeatScanTests {
    private static let causes = ["cache", "cache/key", "cache/key/ttl", "cache/eviction", "config", "configuration/flags"]
    private static let serviceSets = [["api"], ["web"], ["api", "web"], [], ["web", "db"]]

    /// (incident number, cause index) per factor; an incident's start and services follow from its number.
    private static let factors = zip(Gen.int(in: 0...7), Gen.int(in: 0...5)).array(of: 0...16)

    @Test func agreesWithTheIndexOverTheWholeHistory() async {
        await propertyCheck(input: Self.factors) { factors in
            // Several incidents share a start (number % 3), so factors of one instant come in the
            // generator's order, not grouped by incident.
            let occurrences = factors.enumerated().map { index, factor in
                FactorOccurrence(incidentID: "i\(factor.0)", factorID: "f\(index)", cause: Self.causes[factor.1],
                                 incidentStartedAt: Instant(millisecondsSinceEpoch: Int64(factor.0 % 3) * Instant.millisecondsPerDay),
                                 services: Self.serviceSets[factor.0 % 5])
            }
            let inStartOrder = occurrences.enumerated()
                .sorted { ($0.element.incidentStartedAt, $0.offset) < ($1.element.incidentStartedAt, $1.offset) }
                .map(\.element)
            let index = RepeatIndex(occurrences)
            var scan = RepeatScan()
            for occurrence in inStartOrder {
                let repeats = scan.repeatsEarlier(occurrence)
                #expect(repeats == index.repeatsAny(occurrence), "\(occurrence)")
            }
        }
    }

    @Test func aRepeatNeedsAStrictlyEarlierStartAndASharedService() {
        let day = Instant.millisecondsPerDay
        func occurrence(_ incident: String, _ cause: String, day number: Int64, _ services: [String]) -> FactorOccurrence {
            FactorOccurrence(incidentID: incident, factorID: cause, cause: cause,
                             incidentStartedAt: Instant(millisecondsSinceEpoch: number * day), services: services)
        }
        var scan = RepeatScan()
        let answers = [
            occurrence("a", "cache", day: 1, ["api"]),
            // The same start, another incident: not earlier.
            occurrence("b", "cache/key", day: 1, ["api"]),
            // Later, but on another service.
            occurrence("c", "cache/key", day: 2, ["web"]),
            // Later, a shared service, a path below: a repeat of a's factor.
            occurrence("d", "cache/key/ttl", day: 3, ["api", "web"]),
            // A sibling path ("caches") is not below "cache".
            occurrence("e", "caches", day: 4, ["api"]),
            // A path above an earlier one is not a repeat of it.
            occurrence("f", "config", day: 5, ["api"]),
            occurrence("g", "config-x", day: 6, ["api"]),
            // Below "cache/key", which c brought to web.
            occurrence("h", "cache/key/size", day: 7, ["web"]),
        ].map { scan.repeatsEarlier($0) }
        #expect(answers == [false, false, false, true, false, false, false, true])
    }
}
