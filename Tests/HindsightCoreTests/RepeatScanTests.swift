import Testing
@testable import HindsightCore

/// `RepeatScan` on a history worked out by hand (its agreement with `RepeatIndex` on random
/// histories is checked in `RepeatsAnyTests`).
struct RepeatScanTests {
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
