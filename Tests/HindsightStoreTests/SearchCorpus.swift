import HindsightCore
import HindsightStore

/// A small fixed knowledge base for the search, taxonomy and similarity tests: short made-up
/// incidents whose words were chosen so that each test's expected order can be argued by hand.
enum SearchCorpus {
    static let document = """
        version: 1
        services:
          - {id: api, name: API}
          - {id: web, name: Web}
        incidents:
          - id: 2024-01-05-cache-stampede
            title: Cache stampede after a deploy emptied the cache
            started_at: 2024-01-05T10:00:00Z
            resolved_at: 2024-01-05T11:00:00Z
            summary: Every request went to the database at once.
            tags: [deploy]
            impacts: [{service: api}]
            factors:
              - {id: cold-cache, title: Cold cache after deploy, cause: cache/cold, role: trigger}
          - id: 2024-02-10-disk-full
            title: Disk full on the log volume
            started_at: 2024-02-10T10:00:00Z
            resolved_at: 2024-02-10T10:30:00Z
            summary: The build cache grew without bound until the volume filled.
            impacts: [{service: web}]
            factors:
              - {id: no-rotation, title: Logs were never rotated, cause: config/logging, role: latent, introduced_at: 2023-02}
          - id: 2024-03-15-queue-stall
            title: Queue consumers stalled
            started_at: 2024-03-15T10:00:00Z
            resolved_at: 2024-03-15T10:20:00Z
            impacts: [{service: api}]
            factors:
              - {id: stuck-lock, title: A lock was never released, cause: concurrency/lock}
            timeline:
              - {at: 2024-03-15T10:10:00Z, text: Cache purged by hand; no change.}
          - id: 2024-04-01-lodz-outage
            title: Awaria w Łódź, piękna kolejka zatrzymana
            started_at: 2024-04-01T10:00:00Z
            impacts: [{service: web}]
          - id: 2024-04-02-jednorozec
            title: Jednorožec přestal odpovídat kvůli háček v konfiguraci
            started_at: 2024-04-02T10:00:00Z
            near_miss: true
          - id: 2024-04-03-cafe-decomposed
            title: "The cafe\\u0301 menu service crashed"
            started_at: 2024-04-03T10:00:00Z
            near_miss: true
          - id: 2024-04-04-cafe-precomposed
            title: Orders at the café were lost
            started_at: 2024-04-04T10:00:00Z
            near_miss: true
          - id: 2024-05-01-warmup-skipped
            title: Warm-up skipped on restart
            started_at: 2024-05-01T10:00:00Z
            resolved_at: 2024-05-01T10:15:00Z
            detection: customer
            impacts: [{service: api}]
            factors:
              - {id: warmup-off, title: Warm-up job was disabled, cause: cache/cold/warmup, role: latent, introduced_at: 2024-03-01}
        """

    /// A knowledge base in `folder` holding the corpus.
    static func knowledgeBase(in folder: TemporaryDirectory) throws -> KnowledgeBase {
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("corpus.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(document.utf8), file: "corpus.yaml"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2024-06-01T00:00:00Z"))
        return knowledgeBase
    }
}
