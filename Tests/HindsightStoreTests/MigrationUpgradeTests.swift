import Foundation
import GRDB
import HindsightCore
import Testing
@testable import HindsightStore

/// Every schema change is an added migration; a database left by the previous schema must come
/// up to date with its rows intact.
struct MigrationUpgradeTests {
    @Test func aDatabaseAtTheInitialSchemaGainsTheImpactLengthIndexAndKeepsItsRows() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(queue, upTo: "0001_initial")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO service (id, name) VALUES ('api', 'API')")
                try db.execute(sql: """
                    INSERT INTO incident (id, title, near_miss, started_at) VALUES ('i', 'An outage', 0, 1000)
                    """)
                try db.execute(sql: """
                    INSERT INTO impact (incident_pk, position, service_id, start_at, end_at, fraction)
                    VALUES ((SELECT pk FROM incident WHERE id = 'i'), 0, 'api', 1000, 61000, 1)
                    """)
                #expect(try !indexExists(db, "impact_by_service_length"))
            }
        }
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        #expect(try knowledgeBase.appliedMigrations() == ["0001_initial", "0002_impact_length_index", "0003_follow_through_indexes",
                                                          "0004_search_stemming"])
        try DatabaseQueue(path: path).read { db in
            #expect(try indexExists(db, "impact_by_service_length"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM impact") == 1)
            #expect(try Int64.fetchOne(db, sql: "SELECT max(end_at - start_at) FROM impact WHERE service_id = 'api'") == 60_000)
            let plan = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT max(end_at - start_at) FROM impact WHERE service_id = 'api'
                """).map { $0["detail"] as String }.joined(separator: "\n")
            #expect(plan.contains("impact_by_service_length"))
        }
    }

    @Test func aDatabaseAtTheImpactLengthSchemaGainsTheFollowThroughIndexesAndKeepsItsRows() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(queue, upTo: "0002_impact_length_index")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO incident (id, title, near_miss, started_at) VALUES ('i', 'An outage', 0, 1000)
                    """)
                try db.execute(sql: """
                    INSERT INTO action (incident_pk, position, id, title, kind, status, completed_at)
                    VALUES ((SELECT pk FROM incident WHERE id = 'i'), 0, 'fix', 'Fix it', 'prevent', 'done', 5000)
                    """)
                try db.execute(sql: """
                    INSERT INTO action_history (incident_id, action_id, at, actor, field, new_value)
                    VALUES ('i', 'fix', 2000, 'someone', 'added', 'open')
                    """)
                #expect(try !indexExists(db, "action_by_completion"))
                #expect(try !indexExists(db, "action_history_by_field_at"))
            }
        }
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        #expect(try knowledgeBase.appliedMigrations() == ["0001_initial", "0002_impact_length_index", "0003_follow_through_indexes",
                                                          "0004_search_stemming"])
        try DatabaseQueue(path: path).read { (db: Database) throws in
            #expect(try indexExists(db, "action_by_completion"))
            #expect(try indexExists(db, "action_history_by_field_at"))
            #expect(try Int64.fetchOne(db, sql: "SELECT completed_at FROM action WHERE id = 'fix'") == 5000)
            #expect(try Int64.fetchOne(db, sql: "SELECT at FROM action_history WHERE field = 'added'") == 2000)
            #expect(try plan(db, "SELECT pk FROM action WHERE completed_at >= 3000").contains("action_by_completion"))
            #expect(try plan(db, "SELECT seq FROM action_history WHERE field = 'added' AND at >= 1000")
                .contains("action_history_by_field_at"))
        }
    }

    /// The index is made again with the porter tokenizer from the rows it indexes, and the
    /// triggers of 0001, which name it but were not dropped with it, keep it in step afterwards.
    @Test func aDatabaseAtTheFollowThroughSchemaGainsAStemmingIndexFromItsRows() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(queue, upTo: "0003_follow_through_indexes")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO incident (pk, id, title, near_miss, started_at, summary)
                    VALUES (7, 'i', 'Failing image health checks', 0, 1000, 'Probes timed out');
                    INSERT INTO factor (pk, incident_pk, position, id, title, cause, description)
                    VALUES (3, 7, 0, 'probe', 'Probe deadline too short', 'monitoring', 'Checked every second');
                    INSERT INTO action (pk, incident_pk, position, id, title, kind)
                    VALUES (5, 7, 0, 'longer', 'Lengthen the deadline', 'prevent');
                    INSERT INTO timeline_event (pk, incident_pk, position, at, text)
                    VALUES (2, 7, 0, 2000, 'Checking the probes by hand');
                    """)
                // The old index matches whole words only: the singular misses the plural.
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'check'") == 0)
            }
        }
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        #expect(try knowledgeBase.appliedMigrations() == KnowledgeBase.schemaMigrations)
        #expect(KnowledgeBase.schemaMigrations.last == "0004_search_stemming")
        try DatabaseQueue(path: path).read { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'search_index'") ?? ""
            #expect(sql.contains("tokenize = 'porter unicode61 remove_diacritics 2'"))
            // One row per source row, rowid pk * 4 + kind, as the triggers write them: timeline
            // event 2 (2·4+3 = 11), factor 3 (3·4+1 = 13), action 5 (5·4+2 = 22), incident 7 (7·4 = 28).
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, title, body, incident_pk, kind FROM search_index ORDER BY rowid")
            let rowIDs: [Int64] = rows.map { $0[0] }
            let titles: [String?] = rows.map { $0[1] }
            let bodies: [String?] = rows.map { $0[2] }
            let incidents: [Int64] = rows.map { $0[3] }
            let kinds: [String] = rows.map { $0[4] }
            #expect(rowIDs == [11, 13, 22, 28])
            #expect(titles == [nil, "Probe deadline too short", "Lengthen the deadline", "Failing image health checks"])
            #expect(bodies == ["Checking the probes by hand", "Checked every second", nil, "Probes timed out"])
            #expect(incidents == [7, 7, 7, 7])
            #expect(kinds == ["timeline", "factor", "action", "incident"])
            #expect(try SearchIndexConsistency.differences(db) == (0, 0))
        }
        // "check" now finds checks, Checked and Checking: the title first, then the shorter of the
        // two records with it in a body text (bm25 counts a record's words over both columns: the
        // timeline entry's 5 against the factor's 4 + 3).
        let check = try knowledgeBase.search(try SearchQuery(parsing: "check"), limit: 20)
        let checkMatches: [[String]] = check.map { $0.snippet.matches }
        #expect(checkMatches == [["checks"], ["Checking"], ["Checked"]])
        let probe = try knowledgeBase.search(try SearchQuery(parsing: "probes"), limit: 20)
        let probeFields: Set<SearchField> = Set(probe.map { $0.field })
        #expect(probeFields == [.incidentSummary, .factorTitle, .timelineText])

        // The triggers write to the new table: an insert is found, an update replaces, a delete removes.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO action (pk, incident_pk, position, id, title, kind) VALUES (6, 7, 1, 'alert', 'Alert on failed checks', 'detect');
                UPDATE factor SET description = 'Deadlines were tight' WHERE pk = 3;
                DELETE FROM timeline_event WHERE pk = 2;
                """)
            #expect(try SearchIndexConsistency.differences(db) == (0, 0))
            // Incident 7 (28) and the new action 6 (6·4+2 = 26); factor 3 (13) and action 5 (22).
            let check = try Int64.fetchAll(db, sql: "SELECT rowid FROM search_index WHERE search_index MATCH 'check' ORDER BY rowid")
            #expect(check == [26, 28])
            let deadline = try Int64.fetchAll(db, sql: "SELECT rowid FROM search_index WHERE search_index MATCH 'deadline' ORDER BY rowid")
            #expect(deadline == [13, 22])
        }
    }

    private func plan(_ db: Database, _ sql: String) throws -> String {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
    }

    private func indexExists(_ db: Database, _ name: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) == 1
    }
}
