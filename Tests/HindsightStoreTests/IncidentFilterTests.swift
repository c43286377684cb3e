import HindsightCore
import Testing
@testable import HindsightStore

/// The listing filters added for looking at past incidents by cause, on ``SearchCorpus``.
struct IncidentFilterTests {
    let folder: TemporaryDirectory
    let knowledgeBase: KnowledgeBase

    init() throws {
        folder = try TemporaryDirectory()
        knowledgeBase = try SearchCorpus.knowledgeBase(in: folder)
    }

    func ids(_ change: (inout IncidentFilter) -> Void) throws -> [String] {
        var filter = IncidentFilter()
        change(&filter)
        return try knowledgeBase.incidentSummaries(matching: filter).map(\.id)
    }

    @Test func roleAndCauseMustHoldForTheSameFactor() throws {
        #expect(try ids { $0.roles = [.latent] } == ["2024-02-10-disk-full", "2024-05-01-warmup-skipped"])
        #expect(try ids { $0.roles = [.trigger] } == ["2024-01-05-cache-stampede"])
        #expect(try ids { $0.roles = [.trigger, .latent]; $0.causes = ["cache"] }
                == ["2024-01-05-cache-stampede", "2024-05-01-warmup-skipped"])
        // disk-full's latent factor is config/logging, not under cache.
        #expect(try ids { $0.roles = [.latent]; $0.causes = ["config"] } == ["2024-02-10-disk-full"])
        #expect(try ids { $0.roles = [.trigger]; $0.causes = ["config"] } == [])
    }

    @Test func severalCausesMatchAnyOfThemAndCountEachIncidentOnce() throws {
        #expect(try ids { $0.causes = ["config", "concurrency"] } == ["2024-02-10-disk-full", "2024-03-15-queue-stall"])
        // cache/cold lies under cache: the two incidents under both are listed once each.
        #expect(try ids { $0.causes = ["cache", "cache/cold"] } == ["2024-01-05-cache-stampede", "2024-05-01-warmup-skipped"])
        #expect(try ids { $0.causes = ["concurrency/lock", "concurrency/lock"] } == ["2024-03-15-queue-stall"])
        // With roles, the factor under one of the paths must have one of them: cache-stampede's
        // cache/cold factor is a trigger, warmup-skipped's cache/cold/warmup a latent defect.
        #expect(try ids { $0.roles = [.latent]; $0.causes = ["concurrency", "cache/cold"] } == ["2024-05-01-warmup-skipped"])
        #expect(try ids { $0.roles = [.trigger]; $0.causes = ["config", "concurrency"] } == [])
    }

    @Test func nearMissesAndDetection() throws {
        #expect(try ids { $0.nearMiss = true }
                == ["2024-04-02-jednorozec", "2024-04-03-cafe-decomposed", "2024-04-04-cafe-precomposed"])
        #expect(try ids { $0.nearMiss = false }.count == 5)
        #expect(try ids { $0.detections = [.customer] } == ["2024-05-01-warmup-skipped"])
        #expect(try ids { $0.detections = [.monitoring] } == [])
    }

    @Test func repeatsAreIncidentsWithAFactorBelowAnEarlierOneOnTheSameService() throws {
        // warmup-skipped (api, cache/cold/warmup) lies below cache-stampede's cache/cold on api.
        // queue-stall shares api but its cause is concurrency/lock; disk-full is on web.
        #expect(try ids { $0.repeatsOnly = true } == ["2024-05-01-warmup-skipped"])
        #expect(try ids { $0.repeatsOnly = true; $0.services = ["web"] } == [])
    }
}
