import GRDB

/// Fills the full-text index for an import's incidents a few thousand at a time, instead of row
/// by row from the insert triggers.
///
/// Why: FTS5 keeps new entries in memory only while rowids increase, and writes a segment to
/// disk whenever a rowid goes back. The triggers give an incident's rows the rowids
/// `pk * 4 + kind`, and every table has its own pk sequence, so an import writing incident,
/// factors, actions and timeline in turn goes back with every incident: 100 000 incidents
/// became 100 000 segments to write and merge, about three quarters of the whole import.
///
/// How: inside the import's transaction the four insert triggers are dropped; the importer
/// notes each incident it writes; every few thousand incidents, and once more in ``finish()``,
/// those incidents' rows are indexed with one `INSERT … SELECT` per kind, in rowid order; then
/// ``finish()`` creates the triggers again from the SQL they were stored with. Indexing in chunks
/// rather than all at the end lets the index be built while the next records are still being
/// parsed (FTS5 writes a segment at least every megabyte of terms anyway, so chunks of this size
/// add no segments to speak of). The update and delete triggers stay, so a replaced incident's
/// old rows still leave the index. Everything is in the caller's transaction: no other connection ever
/// sees the schema without the triggers, and an import that fails rolls all of it back.
final class SearchIndexDeferral {
    private let db: Database
    /// The stored SQL of the insert triggers that were dropped, to create them again.
    private let droppedTriggers: [String]
    private let noteStatement: Statement
    /// How many incidents are indexed at a time.
    private let chunkSize: Int
    private var pendingCount = 0

    /// The chunk an import uses: about a megabyte of terms in a generated history.
    static let defaultChunkSize = 2_000

    /// The insert triggers of the migrations, one per indexed table.
    private static let insertTriggers = ["incident_search_insert", "factor_search_insert",
                                         "action_search_insert", "timeline_search_insert"]

    /// Drops the insert triggers. Call inside the write transaction that will call ``finish()``.
    init(db: Database, chunkSize: Int = SearchIndexDeferral.defaultChunkSize) throws {
        self.db = db
        self.chunkSize = chunkSize
        var dropped: [String] = []
        for name in Self.insertTriggers {
            // A trigger missing from a damaged file stays missing: `doctor` reports the index.
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                arguments: [name]) else { continue }
            try db.execute(sql: "DROP TRIGGER \(name)")
            dropped.append(sql)
        }
        droppedTriggers = dropped
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS search_pending (
                incident_pk   INTEGER PRIMARY KEY,
                incident_row  INTEGER NOT NULL
            )
            """)
        try db.execute(sql: "DELETE FROM temp.search_pending")
        noteStatement = try db.makeStatement(sql: "INSERT OR REPLACE INTO temp.search_pending (incident_pk, incident_row) VALUES (?, ?)")
    }

    /// Notes an incident whose parts were inserted while the triggers were gone.
    /// - Parameter includingIncidentRow: whether the incident row itself was inserted too (a new
    ///   incident), rather than updated in place (a replaced one, whose update trigger indexed it).
    func noteWritten(incidentPK: Int64, includingIncidentRow: Bool) throws {
        try noteStatement.execute(arguments: [incidentPK, includingIncidentRow])
        pendingCount += 1
        if pendingCount >= chunkSize { try indexPending() }
    }

    /// Indexes the noted incidents' rows and creates the dropped triggers again.
    func finish() throws {
        try indexPending()
        for sql in droppedTriggers { try db.execute(sql: sql) }
    }

    /// Indexes the rows of the incidents noted since the last time, and forgets them.
    private func indexPending() throws {
        pendingCount = 0
        let pending = "SELECT incident_pk FROM temp.search_pending"
        for source in SearchIndexSource.all {
            // A replaced incident's own row was indexed by its update trigger.
            let condition = source.table == "incident" ? "pk IN (\(pending) WHERE incident_row)"
                                                       : "\(source.incidentColumn) IN (\(pending))"
            try db.execute(sql: "INSERT INTO search_index (\(SearchIndexSource.indexColumns)) \(source.rows(where: condition))")
        }
        try db.execute(sql: "DELETE FROM temp.search_pending")
    }
}
