import Foundation
import GRDB
import Testing
@testable import HindsightStore

/// Opening real SQLite files: migration from nothing, and every kind of file that must be refused.
struct OpeningTests {
    @Test func migratesAFreshFileInWALModeWithForeignKeys() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("nested/kb.sqlite")
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        #expect(try knowledgeBase.appliedMigrations() == KnowledgeBase.schemaMigrations)
        #expect(KnowledgeBase.schemaMigrations.first == "0001_initial")
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let strict = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'incident'") ?? ""
            #expect(strict.hasSuffix("STRICT"))
            #expect(try db.tableExists("search_index"))
        }
    }

    @Test func aFirstWriteUsesARollbackJournalAndLeavesTheFileInWALMode() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        let modeDuringTheWrite = try KnowledgeBase.writing(at: path) { knowledgeBase in
            try knowledgeBase.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        }
        #expect(modeDuringTheWrite == "delete")
        let modeAfter = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(modeAfter == "wal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains { $0.hasPrefix(".") })
    }

    @Test func aNewKnowledgeBaseHas16KiBPagesAndAnOlderFileKeepsItsOwn() throws {
        let folder = try TemporaryDirectory()
        let created = folder.file("new.sqlite")
        try KnowledgeBase.writing(at: created) { knowledgeBase in
            _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        }
        #expect(try DatabaseQueue(path: created).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16_384)

        // A file that already has pages, made by SQLite with a page size of its own.
        let older = folder.file("older.sqlite")
        try DatabaseQueue(path: older).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 8192; CREATE TABLE scratch (x); DROP TABLE scratch")
        }
        let knowledgeBase = try KnowledgeBase.open(at: older, access: .readWrite)
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        try knowledgeBase.close()
        let (pageSize, incidents, integrity) = try DatabaseQueue(path: older).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try Int.fetchOne(db, sql: "SELECT count(*) FROM incident"),
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(pageSize == 8_192)
        #expect(incidents == 5)
        #expect(integrity == ["ok"])
    }

    /// Opened to read, a file this process may write gets a connection that may write, so that
    /// closing it removes the -wal and -shm files; its reads still cannot change a record.
    @Test func openedToReadTheFileRefusesWritesAndLeavesNoSideFiles() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kb.sqlite")
        try KnowledgeBase.writing(at: path) { knowledgeBase in
            _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        }
        let reader = try KnowledgeBase.open(at: path, access: .readOnly)
        #expect(try reader.counts().incidents == 5)
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(throws: DatabaseError.self) {
            try reader.queue.read { db in try db.execute(sql: "DELETE FROM timeline_event") }
        }
        try reader.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kb.sqlite", "kb.sqlite.lock"])
        #expect(try KnowledgeBase.open(at: path, access: .readOnly).counts().incidents == 5)
    }

    @Test func readingAMissingFileSaysHowToCreateOne() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: StoreError.missingDatabase(path: folder.file("none.sqlite"))) {
            try KnowledgeBase.open(at: folder.file("none.sqlite"), access: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("none.sqlite")))
    }

    @Test func aDatabaseFromANewerHindsightIsRefusedWithItsBytesUnchanged() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("newer.sqlite")
        _ = try KnowledgeBase.open(at: path, access: .readWrite)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future')") }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for access in [KnowledgeBase.Access.readWrite, .readOnly] {
            #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["9999_from_the_future"])) {
                try KnowledgeBase.open(at: path, access: access)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE player (name TEXT)") }
        #expect(throws: StoreError.foreignDatabase(path: path)) { try KnowledgeBase.open(at: path, access: .readWrite) }
    }

    @Test func aGarbageFileIsRefusedUnchanged() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("garbage.sqlite")
        let garbage = Data(String(repeating: "not a database at all ", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            try KnowledgeBase.open(at: path, access: .readWrite)
        } throws: { error in
            guard case StoreError.unreadableDatabase(_, let reason) = error else { return false }
            return reason.contains("not an SQLite database")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }
}
