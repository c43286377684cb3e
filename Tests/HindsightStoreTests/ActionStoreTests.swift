import Foundation
import GRDB
import HindsightCore
import Testing
@testable import HindsightStore

/// Actions added and changed in a real file: the stored due date, the history, the creation
/// instant, the export and the search index, and the repeat an action did not prevent.
struct ActionStoreTests {
    static let document = """
        version: 1
        services:
          - {id: api, name: API, team: platform}
        incidents:
          - id: first
            title: Cache keys collided
            started_at: 2024-01-10T10:00:00Z
            impacts: [{service: api}]
            factors:
              - {id: keys, title: Keys collided, cause: cache/key}
              - {id: alert, title: No alert, cause: monitoring/missing-alert}
            actions:
              - {id: fix-keys, title: Fix the cache key, kind: prevent, addresses: [keys], priority: high}
          - id: second
            title: Cache keys collided again
            started_at: 2024-06-01T10:00:00Z
            resolved_at: 2024-06-01T11:00:00Z
            impacts: [{service: api}]
            factors: [{id: ttl, title: TTL too long, cause: cache/key/ttl}]
        """

    let folder: TemporaryDirectory
    let knowledgeBase: KnowledgeBase
    let importedAt: Instant

    init() throws {
        folder = try TemporaryDirectory()
        knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        importedAt = try Instant(parsing: "2024-02-01T00:00:00Z")
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(Self.document.utf8), file: "a.yaml"),
                                            replace: false, actor: "importer", now: importedAt)
    }

    private func storedDue(_ incident: String, _ action: String) throws -> String? {
        let queue = try DatabaseQueue(path: folder.file("kb.sqlite"))
        return try queue.read { db in
            try String.fetchOne(db, sql: """
                SELECT effective_due FROM action JOIN incident ON incident.pk = action.incident_pk
                WHERE incident.id = ? AND action.id = ?
                """, arguments: [incident, action])
        }
    }

    @Test func anAddedActionIsStoredExportedSearchableAndRecorded() throws {
        let now = try Instant(parsing: "2024-06-03T08:00:00Z")
        let added = try knowledgeBase.addAction(
            RemediationAction(id: "alert-on-ttl", title: "Alert on jednorožec TTL drift", kind: .detect, addresses: ["ttl"], owner: "sre"),
            toIncident: "second", actor: "ana", now: now, note: "from the review")
        // Resolved 2024-06-01, medium: due 2024-06-01 + 56 days = 2024-07-27.
        #expect(added.effectiveDue == (try CalendarDate(parsing: "2024-07-27")))
        #expect(try storedDue("second", "alert-on-ttl") == "2024-07-27")
        #expect(added.createdAt == now)
        #expect(added.teams == ["platform"])
        let history = try knowledgeBase.actionDetail(ActionReference(incidentID: "second", actionID: "alert-on-ttl")).history
        #expect(history.map(\.field) == ["added"])
        #expect(history.first?.actor == "ana" && history.first?.note == "from the review" && history.first?.at == now)
        // Exported with its fields, so a round trip keeps it.
        let exported = try knowledgeBase.exportedYAML()
        #expect(exported.contains("id: alert-on-ttl"))
        #expect(exported.contains("addresses: [ttl]") || exported.contains("- ttl"))
        // The search index holds its title (the diacritics are folded).
        let queue = try DatabaseQueue(path: folder.file("kb.sqlite"))
        let hits = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'jednorozec' AND kind = 'action'")
        }
        #expect(hits == 1)
    }

    @Test func refusedAdditionsWriteNothing() throws {
        let before = try knowledgeBase.exportedYAML()
        let action = RemediationAction(id: "x", title: "X", kind: .detect, addresses: ["nope"])
        #expect(throws: ActionError.unknownFactor(incidentID: "second", factorID: "nope", known: ["ttl"])) {
            try knowledgeBase.addAction(action, toIncident: "second", actor: "a", now: importedAt, note: nil)
        }
        #expect(throws: ActionError.unknownIncident("third")) {
            try knowledgeBase.addAction(RemediationAction(id: "x", title: "X", kind: .detect), toIncident: "third",
                                        actor: "a", now: importedAt, note: nil)
        }
        #expect(throws: ActionError.duplicateAction("first/fix-keys")) {
            try knowledgeBase.addAction(RemediationAction(id: "fix-keys", title: "X", kind: .detect), toIncident: "first",
                                        actor: "a", now: importedAt, note: nil)
        }
        #expect(try knowledgeBase.exportedYAML() == before)
    }

    @Test func anImportedActionCountsAsCreatedWhenItsIncidentStarted() throws {
        let tracked = try #require(try knowledgeBase.trackedActions().first)
        #expect(tracked.globalID == "first/fix-keys")
        #expect(tracked.createdAt == (try Instant(parsing: "2024-01-10T10:00:00Z")))   // not the import's 2024-02-01
    }

    @Test func theStoredDueDateFollowsWhenAReplaceResolvesTheIncident() throws {
        // Unresolved: no derived due date.
        #expect(try storedDue("first", "fix-keys") == nil)
        let resolved = Self.document.replacingOccurrences(
            of: "started_at: 2024-01-10T10:00:00Z\n", with: "started_at: 2024-01-10T10:00:00Z\n    resolved_at: 2024-01-10T23:30:00-01:00\n")
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(resolved.utf8), file: "b.yaml"),
                                            replace: true, actor: "importer", now: importedAt)
        // Resolved 2024-01-11T00:30Z, so on 11 January UTC; high: + 28 days = 2024-02-08.
        #expect(try storedDue("first", "fix-keys") == "2024-02-08")
    }

    @Test func changesAreRecordedInOrderAndARefusedOneWritesNothing() throws {
        let reference = ActionReference(incidentID: "first", actionID: "fix-keys")
        let t1 = try Instant(parsing: "2024-03-01T00:00:00Z"), t2 = try Instant(parsing: "2024-03-02T00:00:00Z")
        try knowledgeBase.changeAction(reference, actor: "ana", now: t1, note: "started") {
            try ActionChange.update($0, ActionUpdate(status: .inProgress, owner: "sre"), at: t1)
        }
        try knowledgeBase.changeAction(reference, actor: "bo", now: t2, note: nil) { try ActionChange.markDone($0, at: t2) }
        try knowledgeBase.changeAction(reference, actor: "bo", now: t2, note: "checked in production") {
            try ActionChange.update($0, ActionUpdate(status: .done), at: t2)
        }
        let before = try knowledgeBase.actionDetail(reference).history
        #expect(throws: ActionChangeError.alreadyDone(completedAt: t2)) {
            try knowledgeBase.changeAction(reference, actor: "bo", now: t2, note: "again") { try ActionChange.markDone($0, at: t2) }
        }
        let history = try knowledgeBase.actionDetail(reference).history
        #expect(history == before)
        #expect(history.map { "\($0.actor) \($0.field) \($0.oldValue ?? "-")→\($0.newValue ?? "-")" } == [
            "importer created -→open",
            "ana status open→in-progress", "ana owner -→sre",
            "bo status in-progress→done", "bo completed_at -→2024-03-02T00:00:00Z",
            "bo note -→-",
        ])
        #expect(history.map(\.note) == ["import", "started", "started", nil, nil, "checked in production"])
        #expect(try knowledgeBase.trackedActions().first?.action.status == .done)
    }

    @Test func aDoneActionWhoseFactorRepeatedIsFlagged() throws {
        let reference = ActionReference(incidentID: "first", actionID: "fix-keys")
        let done = try Instant(parsing: "2024-03-01T00:00:00Z")
        try knowledgeBase.changeAction(reference, actor: "ana", now: done, note: nil) { try ActionChange.markDone($0, at: done) }
        // second (2024-06-01, cache/key/ttl on api) began after first/fix-keys was done.
        let findings = try knowledgeBase.actionDetail(reference).didNotPreventRepeat
        #expect(findings.map(\.repeatName) == ["second/ttl"])
        let period = FollowThroughPeriod(first: try CalendarDate(parsing: "2024-04-01"), last: try CalendarDate(parsing: "2024-06-30"))
        #expect(try knowledgeBase.followThrough(period: period, grouping: nil).total.didNotPreventRepeat == 1)
    }

    @Test func gapsListUnaddressedFactorsAndSilentIncidents() throws {
        let gaps = try knowledgeBase.remediationGaps(on: try CalendarDate(parsing: "2024-07-02"))
        #expect(gaps.unaddressedFactors.map { "\($0.incidentID)/\($0.factor.id)" } == ["first/alert", "second/ttl"])
        // second started 2024-06-01: 31 days before 2 July, so past the 30-day grace; first has an action.
        #expect(gaps.incidentsWithoutActions.map(\.incidentID) == ["second"])
        #expect(try knowledgeBase.remediationGaps(on: try CalendarDate(parsing: "2024-07-01")).incidentsWithoutActions.isEmpty)
    }

    /// An action added with `action add` fills its gaps only from the UTC day it was added: as of
    /// an earlier day the incident had no action and the factor none addressing it. An imported
    /// action counts from its incident's start, not from the day of the import.
    @Test func gapsOnAPastDayLeaveOutActionsAddedLater() throws {
        try knowledgeBase.addAction(RemediationAction(id: "alert-on-ttl", title: "Alert on TTL drift", kind: .detect, addresses: ["ttl"]),
                                    toIncident: "second", actor: "ana", now: try Instant(parsing: "2024-07-10T08:00:00Z"), note: nil)
        func gaps(_ day: String) throws -> (factors: [String], incidents: [String]) {
            let gaps = try knowledgeBase.remediationGaps(on: try CalendarDate(parsing: day))
            return (gaps.unaddressedFactors.map { "\($0.incidentID)/\($0.factor.id)" }, gaps.incidentsWithoutActions.map(\.incidentID))
        }
        // second started 2024-06-01, 31 days before 2 July and 38 before 9 July; its action came on 10 July.
        #expect(try gaps("2024-07-02") == (["first/alert", "second/ttl"], ["second"]))
        #expect(try gaps("2024-07-09") == (["first/alert", "second/ttl"], ["second"]))
        #expect(try gaps("2024-07-10") == (["first/alert"], []))
        // first/fix-keys was imported on 1 February but counts from first's start, 10 January.
        #expect(try gaps("2024-01-10") == (["first/alert"], []))
    }

    /// Listing the actions as they stood on a day leaves out those created after its end: one
    /// added with `action add` from the UTC day it was added, an imported one from its incident's
    /// start (first/fix-keys was imported on 1 February but counts from 10 January).
    @Test func theActionsCreatedByADayLeaveOutThoseAddedLater() throws {
        try knowledgeBase.addAction(RemediationAction(id: "alert-on-ttl", title: "Alert on TTL drift", kind: .detect, addresses: ["ttl"]),
                                    toIncident: "second", actor: "ana", now: try Instant(parsing: "2024-07-10T08:00:00Z"), note: nil)
        func listed(_ day: String?) throws -> [String] {
            var filter = ActionFilter()
            filter.createdBy = try day.map(CalendarDate.init(parsing:))
            return try knowledgeBase.trackedActions(matching: filter).map(\.globalID)
        }
        #expect(try listed("2024-01-09") == [])
        #expect(try listed("2024-01-10") == ["first/fix-keys"])
        #expect(try listed("2024-07-09") == ["first/fix-keys"])
        #expect(try listed("2024-07-10") == ["first/fix-keys", "second/alert-on-ttl"])
        #expect(try listed(nil) == ["first/fix-keys", "second/alert-on-ttl"])
    }
}
