import HindsightCore
import Testing

/// The repeat rule: same service, the earlier cause path or one below it (segment-wise), strictly later.
struct RepeatIndexTests {
    private func occurrence(_ incident: String, _ factor: String = "f", cause: String, day: Int,
                            services: [String] = ["api"]) -> FactorOccurrence {
        FactorOccurrence(incidentID: incident, factorID: factor, cause: cause,
                         incidentStartedAt: Instant(millisecondsSinceEpoch: Int64(day) * Instant.millisecondsPerDay),
                         services: services)
    }

    @Test func aLaterFactorAtOrBelowTheEarlierPathOnTheSameServiceIsARepeat() {
        let first = occurrence("a", cause: "cache", day: 1)
        let same = occurrence("b", cause: "cache", day: 2)
        let below = occurrence("c", cause: "cache/key", day: 3)
        let index = RepeatIndex([first, same, below])
        #expect(index.repeats(of: first).map(\.later.incidentID) == ["b", "c"])
        #expect(index.repeated(by: below).map(\.earlier.incidentID) == ["a", "b"])
        #expect(index.repeated(by: first).isEmpty)
    }

    @Test func theRuleIsSegmentWiseAndDoesNotClimbUpwards() {
        let config = occurrence("a", cause: "config", day: 1)
        let configuration = occurrence("b", cause: "configuration/flags", day: 2)
        let deeper = occurrence("c", cause: "cache/key/ttl", day: 1)
        let shallower = occurrence("d", cause: "cache/key", day: 2)
        let index = RepeatIndex([config, configuration, deeper, shallower])
        // "configuration" is not below "config"; a broader path is not a repeat of a narrower one.
        #expect(index.repeats(of: config).isEmpty)
        #expect(index.repeats(of: deeper).isEmpty)
        #expect(index.repeated(by: shallower).isEmpty)
    }

    @Test func anotherServiceOrAnEarlierOrSimultaneousStartIsNotARepeat() {
        let first = occurrence("a", cause: "deploy", day: 5, services: ["api", "web"])
        let elsewhere = occurrence("b", cause: "deploy", day: 6, services: ["batch"])
        let before = occurrence("c", cause: "deploy", day: 4)
        let simultaneous = occurrence("d", cause: "deploy", day: 5, services: ["web"])
        let nearMiss = occurrence("e", cause: "deploy", day: 7, services: [])
        let later = occurrence("f", cause: "deploy/canary", day: 8, services: ["web", "api", "db"])
        let index = RepeatIndex([first, elsewhere, before, simultaneous, nearMiss, later])
        let links = index.repeats(of: first)
        #expect(links.map(\.later.incidentID) == ["f"])
        #expect(links.first?.sharedServices == ["api", "web"])
        #expect(index.repeated(by: first).map(\.earlier.incidentID) == ["c"])
    }

    @Test func factorsOfOneIncidentNeverRepeatEachOther() {
        let one = occurrence("a", "x", cause: "cache", day: 1)
        let two = occurrence("a", "y", cause: "cache/key", day: 1)
        let index = RepeatIndex([one, two])
        #expect(index.repeats(of: one).isEmpty)
        #expect(index.repeated(by: two).isEmpty)
    }

    @Test func pathAndAncestorsListsEveryPrefixBySegment() {
        #expect(RepeatIndex.pathAndAncestors("a/b.c/d") == ["a", "a/b.c", "a/b.c/d"])
        #expect(RepeatIndex.pathAndAncestors("cache") == ["cache"])
        // Text that is not a cause path is still cut at each '/', ASCII or not.
        #expect(RepeatIndex.pathAndAncestors("a//b/") == ["a", "a/", "a//b", "a//b/"])
        #expect(RepeatIndex.pathAndAncestors("café/clé") == ["café", "café/clé"])
    }
}
