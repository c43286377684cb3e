import Foundation
import GRDB
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
        #expect(try knowledgeBase.appliedMigrations() == ["0001_initial", "0002_impact_length_index", "0003_follow_through_indexes"])
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
        #expect(try knowledgeBase.appliedMigrations() == ["0001_initial", "0002_impact_length_index", "0003_follow_through_indexes"])
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

    private func plan(_ db: Database, _ sql: String) throws -> String {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
    }

    private func indexExists(_ db: Database, _ name: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) == 1
    }
}
