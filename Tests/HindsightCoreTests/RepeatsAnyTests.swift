import PropertyBased
import Testing
@testable import HindsightCore

/// `RepeatIndex.repeatsAny` gives the same answer as listing the links, and `RepeatScan` the same
/// as both, on random histories.
struct RepeatsAnyTests {
    private static let causes = ["cache", "cache/key", "cache/key/ttl", "cache/eviction", "config", "configuration/flags"]
    private static let serviceSets = [["api"], ["web"], ["api", "web"], []]

    /// (incident number, cause index) per factor. An incident's day (its number mod 3) and
    /// services (mod 4) follow from its number: 0 and 3, 1 and 4, 2 and 5 start on the same day,
    /// and all but 3 share a service with another.
    private static let factors = zip(Gen.int(in: 0...5), Gen.int(in: 0...5)).array(of: 0...12)

    @Test func agreesWithTheListOfLinks() async {
        await propertyCheck(input: Self.factors) { factors in
            // Each incident has one start and one set of services, as in a real history.
            let occurrences = factors.enumerated().map { index, factor in
                FactorOccurrence(incidentID: "i\(factor.0)", factorID: "f\(index)", cause: Self.causes[factor.1],
                                 incidentStartedAt: Instant(millisecondsSinceEpoch: Int64(factor.0 % 3) * Instant.millisecondsPerDay),
                                 services: Self.serviceSets[factor.0 % 4])
            }
            let index = RepeatIndex(occurrences)
            for occurrence in occurrences {
                #expect(index.repeatsAny(occurrence) == !index.repeated(by: occurrence).isEmpty, "\(occurrence)")
            }
            // RepeatScan, fed the same history in start order (ties in the generator's order, not
            // grouped by incident), gives each occurrence the same answer.
            var scan = RepeatScan()
            let inStartOrder = occurrences.enumerated()
                .sorted { ($0.element.incidentStartedAt, $0.offset) < ($1.element.incidentStartedAt, $1.offset) }
                .map(\.element)
            for occurrence in inStartOrder {
                let repeats = scan.repeatsEarlier(occurrence)
                #expect(repeats == index.repeatsAny(occurrence), "\(occurrence)")
            }
        }
    }

    @Test func anEarlierFactorOfAnotherIncidentOnlyCounts() {
        let day = Instant.millisecondsPerDay
        let first = FactorOccurrence(incidentID: "a", factorID: "x", cause: "cache", incidentStartedAt: Instant(millisecondsSinceEpoch: day),
                                     services: ["api"])
        let sameIncident = FactorOccurrence(incidentID: "a", factorID: "y", cause: "cache/key", incidentStartedAt: Instant(millisecondsSinceEpoch: day),
                                            services: ["api"])
        let later = FactorOccurrence(incidentID: "b", factorID: "z", cause: "cache/key", incidentStartedAt: Instant(millisecondsSinceEpoch: 2 * day),
                                     services: ["api"])
        let index = RepeatIndex([first, sameIncident, later])
        #expect(!index.repeatsAny(first))
        #expect(!index.repeatsAny(sameIncident))
        #expect(index.repeatsAny(later))
    }
}
