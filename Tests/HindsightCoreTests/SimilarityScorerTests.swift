import Testing
@testable import HindsightCore

/// The similarity ranking and its reasons, with the points added up by hand.
struct SimilarityScorerTests {
    static func profile(_ id: String, _ start: String, causes: [String], services: [String], tags: [String] = [],
                        title: String) throws -> IncidentProfile {
        IncidentProfile(id: id, title: title, startedAt: try Instant(parsing: start), causes: causes, services: services,
                        tags: tags, factorTitles: [])
    }

    @Test func rankingAndReasonsWorkedByHand() throws {
        let target = try Self.profile("t", "2024-05-01T00:00:00Z", causes: ["cache/key", "deploy/all-at-once"], services: ["api"],
                                      tags: ["redis"], title: "Cache keys collided after the deploy")
        let sameKey = try Self.profile("same-key", "2024-01-01T00:00:00Z", causes: ["cache/key"], services: ["api"],
                                       title: "Cache keys collided")
        let related = try Self.profile("related", "2024-02-01T00:00:00Z", causes: ["cache/eviction", "deploy/canary"],
                                       services: ["web"], tags: ["redis"], title: "Redis evicted hot keys")
        let later = try Self.profile("later", "2024-06-01T00:00:00Z", causes: ["cache/key"], services: ["api"], title: "Cache keys collided")
        let unrelated = try Self.profile("unrelated", "2024-03-01T00:00:00Z", causes: ["network/dns"], services: ["web"],
                                         title: "Resolver timeouts")
        let ranked = SimilarityScorer.rank(target, among: [related, later, unrelated, sameKey], limit: 10)
        // same-key: same cause cache/key 3 + service api 2 + words cache, collided, keys 3 × 0.5 = 6.5.
        // related: cache/key ~ cache/eviction share "cache" 1 + deploy/all-at-once ~ deploy/canary
        // share "deploy" 1 + tag redis 1 + word keys 0.5 = 3.5. later started after t; unrelated shares nothing.
        #expect(ranked.map(\.incident.id) == ["same-key", "related"])
        #expect(ranked.map(\.score) == [6.5, 3.5])
        #expect(ranked[0].reasons.map(\.reason) == [.sameCause("cache/key"), .sharedService("api"),
                                                   .sharedWords(["cache", "collided", "keys"])])
        #expect(ranked[1].reasons.map(\.reason) == [
            .relatedCause(common: "cache", ours: "cache/key", theirs: "cache/eviction"),
            .relatedCause(common: "deploy", ours: "deploy/all-at-once", theirs: "deploy/canary"),
            .sharedTag("redis"), .sharedWords(["keys"]),
        ])
        #expect(ranked[1].reasons[0].reason.description == "related cause under cache (cache/key ~ cache/eviction)")
        #expect(SimilarityScorer.rank(target, among: [related, sameKey], limit: 1).map(\.incident.id) == ["same-key"])
    }

    @Test func aSharedPathSilencesRelatedOnesInItsArea() throws {
        let target = try Self.profile("t", "2024-05-01T00:00:00Z", causes: ["cache/key", "cache/ttl"], services: ["api"], title: "x")
        let earlier = try Self.profile("e", "2024-01-01T00:00:00Z", causes: ["cache/key"], services: ["web"], title: "y")
        // cache/key is shared (3); cache/ttl ~ cache/key would add 1 in the same area, but does not.
        #expect(SimilarityScorer.reasons(target, earlier).map(\.reason) == [.sameCause("cache/key")])
    }

    @Test func wordsAreFoldedAndCommonOnesDropped() {
        #expect(IncidentProfile.words(in: "The Jednorožec and THE cache-keys") == ["jednorozec", "cache", "keys"])
    }
}
