import Foundation
import GRDB

extension KnowledgeBase {
    /// Checks the knowledge base the way an operator would by hand, in this order: SQLite's
    /// `integrity_check` (the file's pages and indexes), `foreign_key_check` (which
    /// `integrity_check` does not do), the schema version, the full-text index against the rows
    /// it is built from, and the size of the write-ahead log (reported, never a problem).
    ///
    /// - Parameter repairSearchIndex: rebuild the full-text index when it is out of step; the
    ///   knowledge base must then have been opened with ``Access/readWrite``. The check then
    ///   passes if the rebuilt index is consistent, and its detail says what was rebuilt. A file
    ///   that fails `integrity_check` is never written: the index is then only checked.
    /// - Returns: one ``HealthCheck`` per check; damage that stops a check from running is
    ///   reported as that check's failure rather than thrown.
    public func healthChecks(repairSearchIndex: Bool = false) throws -> [HealthCheck] {
        var checks: [HealthCheck] = []
        checks.append(check("integrity") { db in
            let messages = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)")
            if messages == ["ok"] { return HealthCheck(name: "integrity", passed: true, detail: "ok") }
            return HealthCheck(name: "integrity", passed: false, detail: messages.joined(separator: "; "))
        })
        checks.append(check("foreign keys") { db in
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if rows.isEmpty { return HealthCheck(name: "foreign keys", passed: true, detail: "ok") }
            let tables = Set(rows.map { $0[0] as String }).sorted()
            // The pragma gives a line per broken reference, so a row whose two references are
            // both broken comes twice: rows are counted by table and rowid.
            let brokenRows = Set(rows.enumerated().map { index, row in
                "\(row[0] as String)\u{1F}" + ((row[1] as Int64?).map(String.init) ?? "line \(index)")
            })
            return HealthCheck(name: "foreign keys", passed: false,
                               detail: "\(brokenRows.count) row(s) refer to records that do not exist, in \(tables.joined(separator: ", "))")
        })
        checks.append(check("schema") { db in
            let applied = try SchemaMigrations.migrator().appliedMigrations(db)
            let known = Self.schemaMigrations
            let detail = "\(applied.last ?? "none") (\(applied.count) of \(known.count) migrations applied)"
            return HealthCheck(name: "schema", passed: applied == known, detail: detail)
        })
        // Writing to a damaged b-tree can spread the damage, and a rebuild that reads a damaged
        // page fails and takes the report with it: a damaged file is restored, not repaired.
        let intact = checks.first { $0.name == "integrity" }?.passed == true
        checks.append(try searchIndexCheck(repair: repairSearchIndex && intact))
        checks.append(writeAheadLogCheck())
        return checks
    }

    private func check(_ name: String, _ body: (Database) throws -> HealthCheck) -> HealthCheck {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            // A damaged page can stop the check itself; that is the finding, not a failure to report.
            return HealthCheck(name: name, passed: false, detail: "could not run: \(error.message ?? "\(error.resultCode)")")
        } catch {
            return HealthCheck(name: name, passed: false, detail: "could not run: \(error)")
        }
    }

    private func searchIndexCheck(repair: Bool) throws -> HealthCheck {
        let name = "search index"
        func inspect(passedDetail: @escaping (Int) -> String) -> HealthCheck {
            check(name) { db in
                let (missing, extra) = try SearchIndexConsistency.differences(db)
                if missing == 0 && extra == 0 {
                    let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index") ?? 0
                    return HealthCheck(name: name, passed: true, detail: passedDetail(rows))
                }
                return HealthCheck(name: name, passed: false,
                                   detail: "\(missing) row(s) missing or stale, \(extra) row(s) left over")
            }
        }
        let before = inspect { "ok (\($0) rows)" }
        guard repair && !before.passed else { return before }
        try queue.write { db in try SearchIndexConsistency.rebuild(db) }
        return inspect { "rebuilt (\($0) rows); it had \(before.detail)" }
    }

    private func writeAheadLogCheck() -> HealthCheck {
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolvedPath + "-wal")
        let bytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        return HealthCheck(name: "wal", passed: true, detail: "\(bytes) bytes")
    }
}
