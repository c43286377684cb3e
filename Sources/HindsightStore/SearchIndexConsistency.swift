import GRDB

/// Compares the full-text index with the rows it is built from, and rebuilds it.
///
/// The migrations keep `search_index` in step with triggers: one row per incident, factor,
/// action and timeline event, with rowid `pk * 4 + kind`. A row written with the triggers
/// missing (by hand, by another tool, or by a damaged file that was salvaged) leaves the index
/// out of step, and searches then miss or invent hits.
enum SearchIndexConsistency {
    /// The rows the triggers would have written, as one SELECT.
    private static let expectedRows = SearchIndexSource.all
        .map { "SELECT \($0.columns) FROM \($0.table)" }
        .joined(separator: " UNION ALL ")

    private static let storedRows = "SELECT \(SearchIndexSource.indexColumns) FROM search_index"

    /// How many index rows are missing or stale, and how many should not be there.
    static func differences(_ db: Database) throws -> (missing: Int, extra: Int) {
        // The union is wrapped so that EXCEPT applies to all of it, not to its last branch.
        let expected = "SELECT * FROM (\(expectedRows))"
        let missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(expected) EXCEPT \(storedRows))") ?? 0
        let extra = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(storedRows) EXCEPT \(expected))") ?? 0
        return (missing, extra)
    }

    /// Empties the index and fills it again from its source rows, inside the caller's transaction.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_index")
        try db.execute(sql: "INSERT INTO search_index(\(SearchIndexSource.indexColumns)) \(expectedRows)")
        // FTS5's own rebuild re-derives the inverted index from the stored text, in case the
        // index's internal b-tree rather than its rows was damaged.
        try db.execute(sql: "INSERT INTO search_index(search_index) VALUES ('rebuild')")
    }
}
