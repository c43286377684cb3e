import GRDB
import Testing
@testable import HindsightStore

/// Values bound through SQLite's C interface arrive as GRDB would have bound them, and refusals
/// are GRDB errors that leave the statement ready for the next row.
struct BulkInsertTests {
    func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (i INTEGER, r REAL, s TEXT, n, UNIQUE (i))")
        }
        return queue
    }

    @Test func bindsEveryKindOfValueAndKeepsEmptyTextApartFromNull() throws {
        let queue = try table()
        try queue.write { db in
            let insert = try BulkInsert(db, sql: "INSERT INTO t (i, r, s, n) VALUES (?, ?, ?, ?)")
            try insert.run { row in row.add(Int64(1)); row.add(0.25); row.add("é 😀 \u{0}x"); row.add(nil as String?) }
            try insert.run { row in row.add(2); row.add(1.0); row.add(""); row.add(true) }
            try insert.run { row in row.add(nil as Int64?); row.add(-3.5); row.add("third"); row.addNull() }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT i, r, s, hex(s) AS sx, typeof(s) AS st, n, typeof(n) AS nt FROM t ORDER BY rowid")
        }
        #expect(rows.count == 3)
        #expect(rows[0]["i"] as Int64? == 1)
        #expect(rows[0]["r"] as Double? == 0.25)
        #expect(rows[0]["sx"] as String? == "C3A920F09F9880200078", "text is bound with its length, NUL included")
        #expect(rows[0]["nt"] as String? == "null")
        #expect(rows[1]["s"] as String? == "")
        #expect(rows[1]["st"] as String? == "text", "empty text is text, not NULL")
        #expect(rows[1]["n"] as Int64? == 1, "true is bound as 1")
        #expect(rows[2]["i"] as Int64? == nil)
        #expect(rows[2]["r"] as Double? == -3.5)
    }

    @Test func aRefusedRowThrowsGRDBsErrorAndTheNextRowStillGoesIn() throws {
        let queue = try table()
        try queue.write { db in
            let insert = try BulkInsert(db, sql: "INSERT INTO t (i, s) VALUES (?, ?)")
            try insert.run { row in row.add(1); row.add("first") }
            #expect {
                try insert.run { row in row.add(1); row.add("again") }
            } throws: { error in
                (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && (error as? DatabaseError)?.message?.contains("UNIQUE") == true
            }
            try insert.run { row in row.add(2); row.add("second") }
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY i") } == ["first", "second"])
    }

    @Test func tooFewOrTooManyValuesAreRefusedBeforeAnythingRuns() throws {
        let queue = try table()
        try queue.write { db in
            let insert = try BulkInsert(db, sql: "INSERT INTO t (i, s) VALUES (?, ?)")
            #expect(throws: DatabaseError.self) { try insert.run { row in row.add(1) } }
            #expect(throws: DatabaseError.self) { try insert.run { row in row.add(1); row.add("a"); row.add("b") } }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 0)
    }
}
