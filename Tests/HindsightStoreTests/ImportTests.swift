import Foundation
import GRDB
import HindsightCore
import Testing
@testable import HindsightStore

/// Import, export and re-import on real files.
struct ImportTests {
    func exportYAML(_ knowledgeBase: KnowledgeBase) throws -> String {
        try knowledgeBase.exportedYAML()
    }

    @Test func seedsRoundTripToAnIdenticalExport() throws {
        let folder = try TemporaryDirectory()
        let first = try KnowledgeBase.open(at: folder.file("a.sqlite"), access: .readWrite)
        let summary = try first.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        #expect(summary.incidents.added == 5)
        let exported = try exportYAML(first)
        let second = try KnowledgeBase.open(at: folder.file("b.sqlite"), access: .readWrite)
        _ = try second.importRecords(try InterchangeDecoder.decode(Array(exported.utf8), file: "export.yaml"),
                                     replace: false, actor: "test", now: SeedDocuments.now)
        #expect(try exportYAML(second) == exported)
    }

    @Test func reimportingTheSameRecordsChangesNothing() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        let before = try exportYAML(knowledgeBase)
        let history = try DatabaseQueue(path: folder.file("kb.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM action_history")
        }
        let again = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        #expect(again.changedNothing)
        #expect(again.incidents.unchanged == 5)
        #expect(try exportYAML(knowledgeBase) == before)
        #expect(try DatabaseQueue(path: folder.file("kb.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM action_history")
        } == history)
    }

    static let base = """
        version: 1
        services:
          - {id: api, name: API}
        incidents:
          - id: outage
            title: The API fell over
            started_at: 2024-03-01T10:00:00Z
            resolved_at: 2024-03-01T10:30:00Z
            impacts:
              - {service: api, fraction: 0.5}
            factors:
              - {id: f, title: A bug, cause: code/bug}
            actions:
              - {id: fix, title: Fix it, kind: prevent, addresses: [f], status: open}
        """

    func decode(_ text: String, file: String = "in.yaml") throws -> InterchangeDocument {
        try InterchangeDecoder.decode(Array(text.utf8), file: file)
    }

    @Test func aChangedRecordIsRefusedWithoutReplaceAndNothingIsWritten() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try decode(Self.base), replace: false, actor: "test", now: SeedDocuments.now)
        let before = try exportYAML(knowledgeBase)
        let changed = Self.base.replacingOccurrences(of: "fraction: 0.5", with: "fraction: 0.6")
            + "\n  - {id: other, title: Another, started_at: 2024-04-01T10:00:00Z}"
        #expect {
            try knowledgeBase.importRecords(try decode(changed), replace: false, actor: "test", now: SeedDocuments.now)
        } throws: { error in
            let problems = (error as? InterchangeProblems)?.problems.map(\.description) ?? []
            return problems == ["in.yaml:5:5: incidents[0]: incident 'outage' differs from the stored one (at impacts[0].fraction); pass --replace to overwrite it"]
        }
        #expect(try exportYAML(knowledgeBase) == before)
    }

    /// The action is closed, given an owner, and its incident resolved a day later, which moves
    /// its derived due date (medium priority: 56 days after the UTC day of resolution) from
    /// 2024-03-01 + 56 = 2024-04-26 to 2024-04-27. Each is recorded as `action update` records
    /// it, in its order: status, completion time, owner, due.
    @Test func replaceRewritesTheIncidentAndRecordsEachFieldChange() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        _ = try knowledgeBase.importRecords(try decode(Self.base), replace: false, actor: "alice", now: SeedDocuments.now)
        let done = Self.base
            .replacingOccurrences(of: "status: open}", with: "status: done, completed_at: 2024-03-05T00:00:00Z, owner: carol}")
            .replacingOccurrences(of: "resolved_at: 2024-03-01T10:30:00Z", with: "resolved_at: 2024-03-02T10:30:00Z")
        let summary = try knowledgeBase.importRecords(try decode(done), replace: true, actor: "bob", now: SeedDocuments.now)
        #expect(summary.incidents.replaced == 1)
        #expect(try knowledgeBase.incident(id: "outage")?.actions.first?.status == .done)
        let history = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT actor, field, old_value, new_value FROM action_history ORDER BY seq")
                .map { "\($0["actor"] as String) \($0["field"] as String) \(($0["old_value"] as String?) ?? "-") \(($0["new_value"] as String?) ?? "-")" }
        }
        #expect(history == ["alice created - open", "bob status open done", "bob completed_at - 2024-03-05T00:00:00Z",
                            "bob owner - carol", "bob due 2024-04-26 2024-04-27"])
        // The full-text index follows the rewritten rows.
        try DatabaseQueue(path: path).write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'fell'") == 1)
            try db.execute(sql: "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// The insert triggers, by name, as stored.
    func searchTriggers(_ path: String) throws -> [String: String] {
        try DatabaseQueue(path: path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'
                """).map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    func searchIndexDifferences(_ path: String) throws -> (missing: Int, extra: Int) {
        try DatabaseQueue(path: path).read { db in try SearchIndexConsistency.differences(db) }
    }

    @Test func importsIndexTheirRowsAtTheEndAndLeaveTheTriggersAsTheyWere() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        let triggers = try searchTriggers(path)
        #expect(triggers.count == 12)

        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        #expect(try searchIndexDifferences(path) == (0, 0))
        #expect(try searchTriggers(path) == triggers)

        // A replaced incident: its old rows leave the index, its new parts enter it.
        let replaced = Self.base.replacingOccurrences(of: "title: A bug, cause: code/bug}", with: """
            title: A bug, cause: code/bug}
                  - {id: g, title: A second bug, cause: code/other}
                timeline:
                  - {at: 2024-03-01T10:05:00Z, text: Paged the on-call}
            """)
        _ = try knowledgeBase.importRecords(try decode(Self.base), replace: false, actor: "test", now: SeedDocuments.now)
        _ = try knowledgeBase.importRecords(try decode(replaced), replace: true, actor: "test", now: SeedDocuments.now)
        #expect(try searchIndexDifferences(path) == (0, 0))
        // As a phrase: "paged" alone is "page", which a seed's "serves pages" holds too.
        #expect(try knowledgeBase.search(try SearchQuery(parsing: "\"paged the on-call\""), filter: IncidentFilter(), limit: 5)
            .map(\.incidentID) == ["outage"])

        // A refused import rolls the dropped triggers back with everything else.
        #expect(throws: InterchangeProblems.self) {
            try knowledgeBase.importRecords(try decode(replaced.replacingOccurrences(of: "Paged", with: "Called")),
                                            replace: false, actor: "test", now: SeedDocuments.now)
        }
        #expect(try searchTriggers(path) == triggers)

        // After an import, rows written by other means are indexed by the triggers again.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO timeline_event (incident_pk, position, at, text)
                SELECT pk, 99, started_at, 'Written by hand' FROM incident WHERE id = 'outage'
                """)
        }
        #expect(try searchIndexDifferences(path) == (0, 0))
    }

    /// Each index by name, with its SQL, the page it starts at and the rowid of its entry in
    /// sqlite_master. An index created again is a new entry and takes a page off the free list; as
    /// it may come back to its old page, or to its old rowid when its entry was the last, it is
    /// told apart from one kept by either differing.
    func indexes(_ path: String) throws -> [String: (sql: String, rootPage: Int, entry: Int64)] {
        try DatabaseQueue(path: path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT name, sql, rootpage, rowid FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                """).map { ($0["name"] as String, ($0["sql"] as String, $0["rootpage"] as Int, $0["rowid"] as Int64)) })
        }
    }

    @Test func aFirstImportCreatesTheSecondaryIndexesAtItsEndAndALaterOneKeepsThem() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        let fresh = try indexes(path)
        #expect(fresh.count == 13)

        // Refused halfway: the drops are rolled back with the rest.
        #expect(throws: InterchangeProblems.self) {
            // The unknown service is found at the end, after the incident was written.
            try knowledgeBase.importRecords(try decode(Self.base.replacingOccurrences(of: "{service: api", with: "{service: nowhere")),
                                            replace: false, actor: "test", now: SeedDocuments.now)
        }
        #expect(try indexes(path).mapValues(\.rootPage) == fresh.mapValues(\.rootPage))

        // Into empty incident tables: the indexes on them are made again, the same, at the end.
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        let afterFirst = try indexes(path)
        #expect(afterFirst.mapValues(\.sql) == fresh.mapValues(\.sql))
        let deferred: Set = ["incident_by_start", "incident_tag_by_tag", "impact_by_service_start", "impact_by_service_end",
                             "impact_by_service_length", "factor_by_cause", "action_by_status_due", "action_by_owner",
                             "action_by_completion", "action_factor_by_factor", "action_history_by_action",
                             "action_history_by_field_at"]
        for (name, index) in afterFirst {
            // The unique SLA index is a rule, and its table is not an incident table: never dropped.
            let madeAgain = index.rootPage != fresh[name]?.rootPage || index.entry != fresh[name]?.entry
            #expect(madeAgain == deferred.contains(name), "\(name)")
        }
        #expect(try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")

        // Into tables that hold rows already: every index is kept and kept up to date.
        _ = try knowledgeBase.importRecords(try decode(Self.base), replace: false, actor: "test", now: SeedDocuments.now)
        #expect(try indexes(path).mapValues(\.rootPage) == afterFirst.mapValues(\.rootPage))
        let (throughIndex, throughTable) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM factor INDEXED BY factor_by_cause WHERE cause = 'code/bug'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM factor NOT INDEXED WHERE cause = 'code/bug'"))
        }
        #expect(throughIndex == throughTable)
        #expect((throughIndex ?? 0) > 0)
    }

    @Test func theDeferredIndexIsFilledChunkByChunkAsIncidentsAreNoted() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        let seeds = try SeedDocuments.all()
        // Services and SLAs for the copies below to refer to.
        var catalog = seeds
        catalog.incidents = []
        _ = try knowledgeBase.importRecords(catalog, replace: false, actor: "test", now: SeedDocuments.now)
        let triggers = try searchTriggers(path)
        let copies = seeds.incidents.prefix(3).enumerated().map { index, located in
            var incident = located.value
            incident.id = "copy-\(index)"
            return incident
        }
        #expect(copies.count == 3)

        try DatabaseQueue(path: path).write { db in
            func indexedRows(_ pk: Int64) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE incident_pk = ?", arguments: [pk]) ?? 0
            }
            let deferral = try SearchIndexDeferral(db: db, chunkSize: 2)
            var pks: [Int64] = []
            for incident in copies {
                let pk = try IncidentWriter.insert(db, incident)
                try deferral.noteWritten(incidentPK: pk, includingIncidentRow: true)
                pks.append(pk)
            }
            // The first two made a chunk and are indexed already; the third waits for `finish`.
            #expect(try indexedRows(pks[0]) > 0)
            #expect(try indexedRows(pks[1]) > 0)
            #expect(try indexedRows(pks[2]) == 0)
            try deferral.finish()
            #expect(try indexedRows(pks[2]) > 0)
        }
        #expect(try searchIndexDifferences(path) == (0, 0))
        #expect(try searchTriggers(path) == triggers)
    }

    @Test func referencesMustResolveAndDuplicatesMustAgree() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let unknownService = Self.base.replacingOccurrences(of: "{service: api, fraction", with: "{service: apx, fraction")
        #expect {
            try knowledgeBase.importRecords(try decode(unknownService), replace: false, actor: "t", now: SeedDocuments.now)
        } throws: { error in
            (error as? InterchangeProblems)?.problems.first?.description
                == "in.yaml:10:19: incidents[0].impacts[0].service: unknown service 'apx'; define it under 'services:' in this import or import it first"
        }
        var twice = try decode(Self.base)
        twice.append(contentsOf: try decode(Self.base.replacingOccurrences(of: "name: API", with: "name: Other"), file: "second.yaml"))
        #expect {
            try knowledgeBase.importRecords(twice, replace: false, actor: "t", now: SeedDocuments.now)
        } throws: { error in
            (error as? InterchangeProblems)?.problems.first?.description
                == "second.yaml:3:5: services[0]: duplicate service 'api' with different content (first defined at in.yaml:3:5)"
        }
        #expect(try knowledgeBase.counts() == KnowledgeBaseCounts())
    }

    /// Records handed in one at a time, in file order, as `hindsight import` streams them.
    func stream(_ knowledgeBase: KnowledgeBase, _ documents: [InterchangeDocument]) throws -> ImportSummary {
        try knowledgeBase.importRecords(replace: false, actor: "t", now: SeedDocuments.now) { add in
            for document in documents {
                for record in document.incidents.map(InterchangeRecord.incident) + document.services.map(InterchangeRecord.service) {
                    try add(record)
                }
            }
            return DecodingFindings()
        }
    }

    @Test func streamedRecordsMayReferToServicesDefinedLaterInTheRun() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        // The incident arrives before the service it hits, which only a later file defines.
        let incidentOnly = Self.base.replacingOccurrences(of: "services:\n  - {id: api, name: API}\n", with: "")
        let summary = try stream(knowledgeBase, [try decode(incidentOnly), try decode(Self.base, file: "b.yaml")])
        #expect(summary.incidents.added == 1 && summary.services.added == 1)
        // The second file's copy of the incident is identical to the first: counted once.
        #expect(summary.incidents.total == 1)
        #expect(try knowledgeBase.counts().incidents == 1)
    }

    @Test func aStreamedReferenceThatNeverResolvesIsRefusedWhereItWasWritten() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let unknownService = Self.base.replacingOccurrences(of: "{service: api, fraction", with: "{service: apx, fraction")
        let changedTwin = Self.base.replacingOccurrences(of: "The API fell over", with: "The API fell down")
        #expect {
            try stream(knowledgeBase, [try decode(unknownService), try decode(changedTwin, file: "b.yaml")])
        } throws: { error in
            // In file order: the unresolved reference (in.yaml line 10, column 19, where the impact's
            // service is), then the second file's incident that differs from the first (b.yaml
            // line 5, column 5, where its mapping starts).
            (error as? InterchangeProblems)?.problems.map(\.description) == [
                "in.yaml:10:19: incidents[0].impacts[0].service: unknown service 'apx'; define it under 'services:' in this import or import it first",
                "b.yaml:5:5: incidents[0]: duplicate incident 'outage' with different content (first defined at in.yaml:5:5)",
            ]
        }
        #expect(try knowledgeBase.counts() == KnowledgeBaseCounts())
    }

    @Test func overlappingSLAsOfOneServiceAreRefused() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let text = """
            version: 1
            services: [{id: api, name: API}]
            slas:
              - {service: api, objective: 99.9, window: month, effective_until: 2024-06-30}
              - {service: api, objective: 99.95, window: month, effective_from: 2024-06-30}
            """
        #expect {
            try knowledgeBase.importRecords(try decode(text), replace: false, actor: "t", now: SeedDocuments.now)
        } throws: { error in
            (error as? InterchangeProblems)?.problems.first?.message.contains("overlaps") ?? false
        }
        let fixed = text.replacingOccurrences(of: "effective_from: 2024-06-30", with: "effective_from: 2024-07-01")
        let summary = try knowledgeBase.importRecords(try decode(fixed), replace: false, actor: "t", now: SeedDocuments.now)
        #expect(summary.slas.added == 2)
    }

    @Test func causeFilterMatchesWholeSegments() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let text = """
            version: 1
            incidents:
              - {id: a, title: A, started_at: 2024-01-01T00:00:00Z, factors: [{id: f, title: F, cause: config}]}
              - {id: b, title: B, started_at: 2024-01-02T00:00:00Z, factors: [{id: f, title: F, cause: config/x}]}
              - {id: c, title: C, started_at: 2024-01-03T00:00:00Z, factors: [{id: f, title: F, cause: configuration/y}]}
              - {id: d, title: D, started_at: 2024-01-04T00:00:00Z, factors: [{id: f, title: F, cause: config-x}]}
            """
        _ = try knowledgeBase.importRecords(try decode(text), replace: false, actor: "t", now: SeedDocuments.now)
        var filter = IncidentFilter()
        filter.causes = ["config"]
        #expect(try knowledgeBase.incidentSummaries(matching: filter).map(\.id) == ["a", "b"])
        filter.causes = ["config/x"]
        #expect(try knowledgeBase.incidentSummaries(matching: filter).map(\.id) == ["b"])
        filter = IncidentFilter()
        filter.since = try CalendarDate(parsing: "2024-01-02")
        filter.until = try CalendarDate(parsing: "2024-01-03")
        #expect(try knowledgeBase.incidentSummaries(matching: filter).map(\.id) == ["b", "c"])
    }
}
