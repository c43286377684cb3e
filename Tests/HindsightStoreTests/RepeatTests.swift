import HindsightCore
import Testing
@testable import HindsightStore

/// Repeats read from a real file: the narrow per-incident query must find what the whole-history
/// index finds.
struct RepeatTests {
    private let document = """
        version: 1
        services:
          - {id: api, name: API}
          - {id: web, name: Web}
        incidents:
          - id: first
            title: Cache keys collided
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            impacts: [{service: api}]
            factors: [{id: keys, title: Keys collided, cause: cache/key}]
          - id: second
            title: Cache keys collided again
            started_at: 2024-03-01T10:00:00Z
            resolved_at: 2024-03-01T10:30:00Z
            impacts: [{service: api}, {service: web}]
            factors:
              - {id: ttl, title: TTL too long, cause: cache/key/ttl}
              - {id: deploy, title: Bad deploy, cause: deploy}
          - id: elsewhere
            title: Same cause on another service
            started_at: 2024-04-01T10:00:00Z
            resolved_at: 2024-04-01T10:30:00Z
            impacts: [{service: web}]
            factors: [{id: keys, title: Keys collided, cause: cache/key}]
          - id: broader
            title: A broader cache problem later
            started_at: 2024-05-01T10:00:00Z
            resolved_at: 2024-05-01T10:30:00Z
            impacts: [{service: api}]
            factors: [{id: cache, title: Cache gone, cause: cache}]
        """

    @Test func theSecondIncidentRepeatsTheFirstAndNothingElseDoes() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(document.utf8), file: "repeats.yaml"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2024-06-01T00:00:00Z"))
        let second = try #require(try knowledgeBase.repeatLinks(incident: "second"))
        // cache/key/ttl on api is below first's cache/key on api; "deploy" has no predecessor.
        #expect(second.repeated.map { "\($0.earlier.incidentID)/\($0.earlier.factorID)" } == ["first/keys"])
        #expect(second.repeated.first?.later.factorID == "ttl")
        #expect(second.repeated.first?.sharedServices == ["api"])
        // "elsewhere" (web, cache/key) is not below cache/key/ttl; "broader" (cache) is above it.
        #expect(second.repeatedBy.isEmpty)
        let first = try #require(try knowledgeBase.repeatLinks(incident: "first"))
        #expect(first.repeated.isEmpty)
        #expect(first.repeatedBy.map(\.later.incidentID) == ["second"])
        // "elsewhere" repeats nothing: the only earlier cache/key on web is not there (second's is below it).
        #expect(try knowledgeBase.repeatLinks(incident: "elsewhere")?.repeated.isEmpty == true)
        #expect(try knowledgeBase.repeatLinks(incident: "missing") == nil)

        let index = RepeatIndex(try knowledgeBase.factorOccurrences())
        let all = try knowledgeBase.factorOccurrences().flatMap(index.repeated(by:))
        #expect(all.map { "\($0.later.incidentID)→\($0.earlier.incidentID)" } == ["second→first"])
    }
}
