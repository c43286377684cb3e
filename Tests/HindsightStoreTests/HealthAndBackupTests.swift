import Foundation
import GRDB
import HindsightCore
import Testing
@testable import HindsightStore

/// Durability settings, the doctor's checks and backups, on real files.
struct HealthAndBackupTests {
    private func seeded(_ folder: TemporaryDirectory, _ name: String = "kb.sqlite") throws -> KnowledgeBase {
        let knowledgeBase = try KnowledgeBase.open(at: folder.file(name), access: .readWrite)
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        return knowledgeBase
    }

    /// An acknowledged import must survive a power cut: in WAL mode that takes synchronous=FULL
    /// (2) on the connection that writes, both on a fresh file and on reopening a current one.
    @Test func theWriterRunsWithSynchronousFull() throws {
        let folder = try TemporaryDirectory()
        let fresh = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        #expect(try fresh.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
        #expect(try fresh.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        let reopened = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        #expect(try reopened.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func theSeedsPassEveryCheck() throws {
        let folder = try TemporaryDirectory()
        let checks = try seeded(folder).healthChecks()
        #expect(checks.map(\.name) == ["integrity", "foreign keys", "schema", "search index", "wal"])
        #expect(checks.allSatisfy { $0.passed })
        #expect(checks[2].detail == "0004_search_stemming (4 of 4 migrations applied)")
    }

    @Test func aRowReferringToAMissingServiceIsFound() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        // Written the way a careless tool would: with foreign keys off, as SQLite's default is.
        try DatabaseQueue(path: folder.file("kb.sqlite")).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE impact SET service_id = 'ghost' WHERE pk = (SELECT min(pk) FROM impact)")
        }
        let check = try #require(try knowledgeBase.healthChecks().first { $0.name == "foreign keys" })
        #expect(check == HealthCheck(name: "foreign keys", passed: false,
                                     detail: "1 row(s) refer to records that do not exist, in impact"))
    }

    /// A row with two broken references is one row: `foreign_key_check` lists it twice.
    @Test func aRowWithTwoBrokenReferencesCountsOnce() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        try DatabaseQueue(path: folder.file("kb.sqlite")).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO action_factor (action_pk, position, factor_pk) VALUES (999999, 0, 999998)")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 2)
        }
        let check = try #require(try knowledgeBase.healthChecks().first { $0.name == "foreign keys" })
        #expect(check == HealthCheck(name: "foreign keys", passed: false,
                                     detail: "1 row(s) refer to records that do not exist, in action_factor"))
    }

    @Test func anOutOfStepSearchIndexIsFoundAndRebuilt() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        let raw = try DatabaseQueue(path: folder.file("kb.sqlite"))
        let expectedRows = try raw.read { db in
            try ["incident", "factor", "action", "timeline_event"].reduce(0) { sum, table in
                sum + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
            }
        }
        try raw.write { db in
            // One row gone, one row with text that no longer matches its factor's title.
            try db.execute(sql: "DELETE FROM search_index WHERE rowid = (SELECT min(pk) * 4 FROM incident)")
            try db.execute(sql: "UPDATE search_index SET title = 'zebra' WHERE rowid = (SELECT min(pk) * 4 + 1 FROM factor)")
        }
        // Missing: the deleted row and the factor's true row (2); left over: the stale 'zebra' row (1).
        let found = try #require(try knowledgeBase.healthChecks().first { $0.name == "search index" })
        #expect(found == HealthCheck(name: "search index", passed: false, detail: "2 row(s) missing or stale, 1 row(s) left over"))

        let repaired = try #require(try knowledgeBase.healthChecks(repairSearchIndex: true).first { $0.name == "search index" })
        #expect(repaired == HealthCheck(name: "search index", passed: true,
                                        detail: "rebuilt (\(expectedRows) rows); it had 2 row(s) missing or stale, 1 row(s) left over"))
        #expect(try raw.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'zebra'") } == 0)
        #expect(try knowledgeBase.healthChecks().allSatisfy { $0.passed })
    }

    @Test func aBackupIsAVerifiedWALCopyWithTheSameExport() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        let bytes = try knowledgeBase.backup(to: folder.file("copy.sqlite"), overwrite: false)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("copy.sqlite"))
        #expect(bytes == (attributes[.size] as? NSNumber)?.int64Value)
        // Nothing but the database and the copy is in the folder: no temporary file, no side file.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("kb.sqlite") }
        #expect(names == ["copy.sqlite"])
        let copy = try KnowledgeBase.open(at: folder.file("copy.sqlite"), access: .readOnly)
        #expect(try copy.exportedYAML() == knowledgeBase.exportedYAML())
        #expect(try copy.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aBackupRefusesToOverwriteUnlessAskedAndNeverOverwritesTheDatabase() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        let target = folder.file("copy.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: StoreError.backupRefused(path: target, reason: "the file already exists; pass --overwrite to replace it")) {
            try knowledgeBase.backup(to: target, overwrite: false)
        }
        #expect(FileManager.default.contents(atPath: target) == Data("keep me".utf8))
        #expect(throws: StoreError.backupRefused(path: knowledgeBase.path, reason: "it is the knowledge base itself")) {
            try knowledgeBase.backup(to: knowledgeBase.path, overwrite: true)
        }
        #expect(throws: StoreError.backupRefused(path: folder.file("none/copy.sqlite"), reason: "the folder \(folder.file("none")) does not exist")) {
            try knowledgeBase.backup(to: folder.file("none/copy.sqlite"), overwrite: false)
        }
        try knowledgeBase.backup(to: target, overwrite: true)
        #expect(try KnowledgeBase.open(at: target, access: .readOnly).healthChecks().allSatisfy { $0.passed })
    }

    /// Backups taken while another connection keeps importing one incident at a time: each copy
    /// is whole (every incident with its impact, but for the seeds' near miss, which has none)
    /// and holds some committed state.
    @Test func backupsWhileAnotherWriterImportsAreConsistent() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try seeded(folder)
        let writer = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let imports = 60
        let done = DispatchSemaphore(value: 0)
        // Written by the writer thread only, and read after `done` is signalled.
        nonisolated(unsafe) var failures: [String] = []
        let thread = Thread {
            for index in 0..<imports {
                let text = """
                    version: 1
                    incidents:
                      - {id: busy-\(index), title: Busy \(index), started_at: 2024-03-01T10:00:00Z, impacts: [{service: url-shortener}]}
                    """
                do {
                    let document = try InterchangeDecoder.decode(Array(text.utf8), file: "busy.yaml")
                    _ = try writer.importRecords(document, replace: false, actor: "test", now: SeedDocuments.now)
                } catch {
                    failures.append("busy-\(index): \(error)")
                }
            }
            done.signal()
        }
        thread.start()
        var copies: [Int] = []
        for index in 0..<6 {
            let path = folder.file("copy-\(index).sqlite")
            try knowledgeBase.backup(to: path, overwrite: false)
            let counts = try DatabaseQueue(path: path).read { db in
                [try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(DISTINCT incident_pk) FROM impact") ?? -2,
                 try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" ? 1 : 0]
            }
            #expect(counts[0] == counts[1] + 1 && counts[2] == 1, "copy \(index): \(counts)")
            copies.append(counts[0])
        }
        done.wait()
        // Every import committed while the backups ran, so the copies saw a writer at work.
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        let stored = try DatabaseQueue(path: folder.file("kb.sqlite")).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") }
        #expect(stored == 5 + imports)
        // The 5 seeds and up to all 60 busy incidents, never fewer than an earlier copy held.
        #expect(copies.allSatisfy { (5...(5 + imports)).contains($0) })
        #expect(copies == copies.sorted())
        #expect(try knowledgeBase.healthChecks().allSatisfy { $0.passed })
    }
}
