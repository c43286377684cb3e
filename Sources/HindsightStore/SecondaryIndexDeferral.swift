import GRDB

/// Drops the secondary indexes of the incident tables that an import starts filling from empty,
/// and creates them again at its end, instead of keeping them up to date row by row.
///
/// Why: each row written goes into its table and into every index on it, and an index entry lands
/// at a place set by its value (a cause, an owner, a due date), not at the end, so a long import
/// keeps reading and rewriting index pages all over the file. Creating an index afterwards sorts
/// the rows once and writes its pages in order (BENCHMARKS.md has the figures).
///
/// Only tables that are empty when the import begins are touched, so an index is never rebuilt
/// over rows that were there before, and a small import into a large knowledge base keeps every
/// index. Indexes that enforce a rule (unique ones, and those of UNIQUE and PRIMARY KEY
/// constraints) always stay. Everything happens in the caller's transaction: no other connection
/// ever sees the schema without them, and an import that fails rolls the drops back.
final class SecondaryIndexDeferral {
    private let db: Database
    /// The stored SQL of the indexes that were dropped, to create them again.
    private let droppedIndexes: [String]

    /// The tables whose indexes may be deferred: those an incident's records fill.
    static let tables = ["incident", "incident_tag", "impact", "factor", "action", "action_factor",
                         "action_history", "timeline_event"]

    /// Drops the deferrable indexes of the empty tables. Call inside the write transaction that
    /// will call ``finish()``.
    init(db: Database) throws {
        self.db = db
        var dropped: [String] = []
        for table in Self.tables {
            guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") == true else { continue }
            // origin 'c': made by CREATE INDEX, not by a UNIQUE or PRIMARY KEY constraint.
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM pragma_index_list(?) WHERE origin = 'c' AND "unique" = 0 ORDER BY name
                """, arguments: [table])
            for name in names {
                guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                                                    arguments: [name]) else { continue }
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                dropped.append(sql)
            }
        }
        droppedIndexes = dropped
    }

    /// Creates the dropped indexes again from the SQL they were stored with.
    func finish() throws {
        for sql in droppedIndexes { try db.execute(sql: sql) }
    }
}
