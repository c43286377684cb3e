import HindsightCore
import Testing
@testable import HindsightStore

/// `similarIncidents` on a real file: each way an earlier incident becomes a candidate (a shared
/// service, tag or cause area, or a word of the titles) reaches the scorer with what it needs.
struct SimilarTests {
    private let document = """
        version: 1
        services:
          - {id: api, name: API}
          - {id: web, name: Web}
        incidents:
          - id: target
            title: Payment queue stalled
            started_at: 2024-06-01T10:00:00Z
            tags: [redis]
            impacts: [{service: api}]
            factors: [{id: stall, title: Queue consumer stalled, cause: cache/key}]
          - id: by-service
            title: Resolver timeouts
            started_at: 2024-01-10T10:00:00Z
            impacts: [{service: web}, {service: api}]
            factors: [{id: dns, title: Queue drained slowly, cause: network/dns}]
          - id: by-tag
            title: Certificate expired
            started_at: 2024-02-01T10:00:00Z
            tags: [tls, redis]
            impacts: [{service: web}]
            factors: [{id: cert, title: Cert lapsed, cause: network/tls}]
          - id: by-area
            title: Evictions spiked
            started_at: 2024-03-01T10:00:00Z
            impacts: [{service: web}]
            factors: [{id: memory, title: Memory full, cause: cache/eviction}]
          - id: by-word
            title: Payment gateway down
            started_at: 2024-04-01T10:00:00Z
            impacts: [{service: web}]
            factors: [{id: bgp, title: Route withdrawn, cause: network/bgp}]
          - id: lookalike-area
            title: Sessions dropped
            started_at: 2024-04-15T10:00:00Z
            impacts: [{service: web}]
            factors: [{id: store, title: Store down, cause: cache2/key}]
          - id: later
            title: Payment queue stalled again
            started_at: 2024-07-01T10:00:00Z
            tags: [redis]
            impacts: [{service: api}]
            factors: [{id: stall, title: Queue consumer stalled, cause: cache/key}]
        """

    @Test func everyKindOfCandidateIsScoredWithWhatItShares() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(document.utf8), file: "similar.yaml"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2024-08-01T00:00:00Z"))
        let result = try #require(try knowledgeBase.similarIncidents(to: "target", limit: 10))
        // The target's words: payment, queue, stalled (title) and consumer (factor title).
        // by-service: service api 2 + the word queue of its factor's title 0.5 = 2.5.
        // by-area: cache/key ~ cache/eviction share the segment cache, 1.
        // by-tag: tag redis, 1; older than by-area, so after it.
        // by-word: only the word payment of its title, 0.5, found through the search index.
        // lookalike-area: cache2 is another area than cache; later started after the target.
        #expect(result.similar.map(\.incident.id) == ["by-service", "by-area", "by-tag", "by-word"])
        #expect(result.similar.map(\.score) == [2.5, 1, 1, 0.5])
        #expect(result.similar[0].reasons.map(\.reason) == [.sharedService("api"), .sharedWords(["queue"])])
        #expect(result.similar[0].incident.title == "Resolver timeouts")
        #expect(result.similar[0].incident.services == ["api", "web"])
        #expect(result.similar[2].incident.tags == ["redis", "tls"])
        #expect(result.similar[3].reasons.map(\.reason) == [.sharedWords(["payment"])])
        #expect(try knowledgeBase.similarIncidents(to: "missing", limit: 10) == nil)
    }
}
