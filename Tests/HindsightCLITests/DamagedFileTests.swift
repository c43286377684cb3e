import Foundation
import Testing

/// Files that are not a usable knowledge base: every command that opens one says what is wrong
/// with it, exits 1 (never a crash or a signal), and leaves the file's bytes as they were.
struct DamagedFileTests {
    static let incident = ConcurrencyTests.incident("outage-1")

    /// Runs a reading, a writing and a checking command on `db` and expects each to fail with a
    /// message containing `reason`, the file unchanged.
    private func expectRefused(_ sandbox: Sandbox, _ db: String, reason: String,
                               commands: [[String]] = [["incidents"], ["import", "one.yaml"], ["doctor"], ["backup", "copy.sqlite"]]) throws {
        let before = FileManager.default.contents(atPath: db)
        let file = try sandbox.write("one.yaml", Self.incident)
        let folder = (db as NSString).deletingLastPathComponent
        // The lock file is shared with other processes, so it stays; nothing else may appear.
        func entries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasSuffix(".lock") }.sorted()
        }
        let entriesBefore = entries()
        for command in commands {
            let arguments = [command[0], "--db", db] + command.dropFirst().map { $0 == "one.yaml" ? file : $0 == "copy.sqlite" ? sandbox.file($0) : $0 }
            let result = try Hindsight.run(arguments, home: sandbox.path)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.hasPrefix("error: "), "\(command): \(result.stderr)")
            #expect(result.stderr.contains(reason), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command)")
            #expect(FileManager.default.contents(atPath: db) == before, "\(command) changed the file")
            #expect(entries() == entriesBefore, "\(command) left new files beside it")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("copy.sqlite")))
    }

    @Test func aGarbageFileIsNamedAsNotADatabase() throws {
        let sandbox = try Sandbox()
        let db = try sandbox.write("garbage.sqlite", String(repeating: "Hello, this is no database. ", count: 500))
        try expectRefused(sandbox, db, reason: "cannot be read as a Hindsight knowledge base: the file is not an SQLite database")
    }

    @Test func aTruncatedFileIsNamedAsDamaged() throws {
        let (sandbox, _) = try Sandbox.withDemo()
        let bytes = try #require(sandbox.bytes("demo.sqlite"))
        let db = sandbox.file("truncated.sqlite")
        // A third of the pages: the schema is there, the tables it points to are cut off.
        try bytes.prefix(bytes.count / 3 / 4096 * 4096).write(to: URL(fileURLWithPath: db))
        try expectRefused(sandbox, db, reason: "the database file is damaged")
    }

    /// Only the side files the refused command made are removed: a -wal that was there before may
    /// belong to another process, so it stays, while the -shm SQLite makes beside it goes.
    @Test func aDamagedFileKeepsTheSideFilesThatWereThereBefore() throws {
        let (sandbox, _) = try Sandbox.withDemo()
        let bytes = try #require(sandbox.bytes("demo.sqlite"))
        let db = sandbox.file("truncated.sqlite")
        try bytes.prefix(bytes.count / 3 / 4096 * 4096).write(to: URL(fileURLWithPath: db))
        _ = try sandbox.write("truncated.sqlite-wal", "")
        let result = try Hindsight.run(["incidents", "--db", db], home: sandbox.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the database file is damaged"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: db + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
    }

    /// The demo with the first byte of the action table's root page overwritten: the schema and
    /// the migrations read as usual, so the file opens, and the damage shows only when a command
    /// reads the actions.
    private func damagedActionTable() throws -> (sandbox: Sandbox, db: String) {
        let (sandbox, db) = try Sandbox.withDemo()
        let pageSize = try #require(Int(try SQLiteShell.query(db, "PRAGMA page_size")))
        let root = try #require(Int(try SQLiteShell.query(db, "SELECT rootpage FROM sqlite_master WHERE name = 'action'")))
        let handle = try #require(FileHandle(forWritingAtPath: db))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        // 0xFF is no b-tree page type, so SQLite reads the page as damaged.
        try handle.write(contentsOf: Data([0xFF]))
        try handle.close()
        return (sandbox, db)
    }

    /// Damage that opening does not reach was reported as "error: database: the database file is
    /// damaged", naming no file: the file is named, and so is the way to find the damage.
    @Test func damagePastTheSchemaIsNamedWithTheFileByEveryCommandThatReachesIt() throws {
        let (sandbox, db) = try damagedActionTable()
        let before = sandbox.bytes("demo.sqlite")
        for command in [["actions"], ["export"], ["export", "--format", "json"], ["backup", sandbox.file("copy.sqlite")]] {
            let result = try Hindsight.run([command[0], "--db", db] + command.dropFirst(), home: sandbox.path)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "error: database: the database file \(db) is damaged (database disk image is malformed); "
                    + "'hindsight doctor --db \(db)' shows where; restore it from a backup\n", "\(command)")
            #expect(sandbox.bytes("demo.sqlite") == before, "\(command) changed the file")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("copy.sqlite")))
    }

    /// `doctor --repair` on a damaged file rebuilt the search index in it, writing to damaged
    /// b-trees, and when the rebuild read the damaged page the report was lost to "error: database:
    /// the database file is damaged". It reports every check, writes nothing, and says to restore.
    @Test func doctorRepairReportsADamagedFileAndLeavesItAsItWas() throws {
        let (sandbox, db) = try damagedActionTable()
        let before = sandbox.bytes("demo.sqlite")
        for extra in [[], ["--repair"]] {
            let result = try Hindsight.run(["doctor", "--db", db, "--format", "json"] + extra, home: sandbox.path)
            #expect(result.status == 1, "\(extra)")
            let checks = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(checks.map { $0["check"] as? String } == ["integrity", "foreign keys", "schema", "search index", "wal"], "\(extra)")
            #expect(checks.first?["ok"] as? Bool == false, "\(extra)")
            #expect(result.stderr.hasPrefix("error: \(db): problems found by integrity"), "\(extra): \(result.stderr)")
            let advice = extra.isEmpty ? "; the file is damaged: restore it from a backup\n"
                : "; the file is damaged, so nothing was repaired: restore it from a backup\n"
            #expect(result.stderr.hasSuffix(advice), "\(extra): \(result.stderr)")
            #expect(!result.stderr.contains("--repair"), "\(extra)")
            #expect(sandbox.bytes("demo.sqlite") == before, "\(extra) changed the file")
        }
    }

    @Test func anEmptyFileIsRefusedByReadersAndBecomesAKnowledgeBaseOnlyWhenWritten() throws {
        let sandbox = try Sandbox()
        let db = try sandbox.write("empty.sqlite", "")
        try expectRefused(sandbox, db, reason: "is empty, not a knowledge base; create one with 'hindsight init --db ",
                          commands: [["incidents"], ["doctor"], ["backup", "copy.sqlite"]])
        // An empty file is an empty SQLite database, so a writer may create the schema in it.
        #expect(try sandbox.run("import", "--db", db, try sandbox.write("one.yaml", Self.incident)).status == 0)
        #expect(try SQLiteShell.count(db, "incident") == 1)
    }

    @Test func aDirectoryIsNamedAsOneRatherThanADiskError() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("knowledge")
        try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: false)
        try expectRefused(sandbox, db, reason: "\(db) cannot be read as a Hindsight knowledge base: it is a directory; a knowledge base is a file, such as \(db)/hindsight.sqlite")
        #expect(try FileManager.default.contentsOfDirectory(atPath: db).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: db + ".lock"))
    }

    /// A named pipe (or a device such as /dev/null) given as the knowledge base is named as such;
    /// SQLite had reported a disk I/O error or an empty file, after writing a -journal and the
    /// lock file beside it. The pipe is never opened, so nothing waits on it.
    @Test func aNamedPipeIsNamedAsOneAndNothingIsMadeBesideIt() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("pipe.sqlite")
        try #require(mkfifo(db, 0o644) == 0)
        let file = try sandbox.write("one.yaml", Self.incident)
        for command in [["incidents"], ["import", file], ["init"], ["doctor"], ["backup", sandbox.file("copy.sqlite")]] {
            let result = try Hindsight.run([command[0], "--db", db] + command.dropFirst(), home: sandbox.path)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "error: \(db) cannot be read as a Hindsight knowledge base: it is a named pipe (FIFO), not a regular file; a knowledge base is a file, such as hindsight.sqlite\n", "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == ["one.yaml", "pipe.sqlite"], "\(command)")
        }
    }

    /// A new knowledge base whose folder is a file, or lies below one, is refused under the name
    /// the user gave (not the temporary name a first import builds under), and nothing is made.
    @Test(arguments: [["init"], ["import", "one.yaml"], ["demo"]])
    func aFileWhereTheFolderShouldBeIsNamed(command: [String]) throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("notes.txt", "not a folder")
        let one = try sandbox.write("one.yaml", Self.incident)
        for db in [file + "/kb.sqlite", file + "/deeper/kb.sqlite"] {
            let arguments = [command[0], "--db", db] + command.dropFirst().map { $0 == "one.yaml" ? one : $0 }
            let result = try Hindsight.run(arguments, home: sandbox.path)
            #expect(result.status == 1, "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
            #expect(result.stderr == "error: cannot create a knowledge base at \(db): \(file) is a file, not a folder; nothing was written\n",
                    "\(command): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == ["notes.txt", "one.yaml"])
    }

    @Test func anotherApplicationsDatabaseIsNamedAsSuch() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("other.sqlite")
        #expect(try SQLiteShell.query(db, "CREATE TABLE player (name TEXT); INSERT INTO player VALUES ('Ann');") == "")
        try expectRefused(sandbox, db, reason: "is an SQLite database of another application, not a Hindsight knowledge base")
    }

    /// A knowledge base on a read-only mount: the file and its folder are read-only even for root.
    @Test(.enabled(if: ScratchMount.available, "needs root and permission to mount a tmpfs"))
    func aReadOnlyFileAndFolderAreNamedAsTheReason() throws {
        let sandbox = try Sandbox()
        let mount = try ScratchMount(megabytes: 4)
        let db = mount.path + "/kb.sqlite"
        #expect(try sandbox.run("import", "--db", db, try sandbox.write("one.yaml", Self.incident)).status == 0)
        try mount.remount("ro")
        try expectRefused(sandbox, db, reason: "the file or its folder is read-only")
    }

    /// Without root, permissions alone make a file read-only: a writer is refused with the reason.
    @Test(.enabled(if: geteuid() != 0, "root writes through file permissions; the read-only mount test covers root"))
    func aReadOnlyFileRefusesWrites() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        #expect(try sandbox.run("import", "--db", db, try sandbox.write("one.yaml", Self.incident)).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let second = try sandbox.write("two.yaml", ConcurrencyTests.incident("outage-2"))
        let result = try sandbox.run("import", "--db", db, second)
        #expect(result.status == 1)
        #expect(result.stderr.contains("read-only"))
        #expect(try SQLiteShell.count(db, "incident") == 1)
    }

    /// A file the user may read but not write, and one they may not read at all: the first was
    /// refused as "the database file or its folder is read-only", naming no file, the second with
    /// SQLite's "unable to open database file". Each now names the file, and the second the
    /// system's reason. Run as nobody when the tests run as root, whom permissions do not stop.
    @Test func aFileThatMayNotBeWrittenOrReadIsNamedWithTheReason() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        #expect(try sandbox.run("import", "--db", db, try sandbox.write("one.yaml", Self.incident)).status == 0)
        let second = try sandbox.write("two.yaml", ConcurrencyTests.incident("outage-2"))
        var binary = Hindsight.binaryPath
        var prefix: [String] = []
        if geteuid() == 0 {
            binary = sandbox.file("hindsight")
            try FileManager.default.copyItem(atPath: Hindsight.binaryPath, toPath: binary)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: sandbox.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: second)
            prefix = ["--reuid", "65534", "--regid", "65534", "--clear-groups", binary]
        }
        func run(_ arguments: [String]) throws -> BinaryResult {
            prefix.isEmpty ? try Hindsight.run(arguments, home: sandbox.path)
                : try Hindsight.run(prefix + arguments, home: sandbox.path, binary: "/usr/bin/setpriv")
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db) }

        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let write = try run(["import", "--db", db, second])
        #expect(write.status == 1)
        #expect(write.stderr == "error: database: the database file \(db) or its folder is read-only; nothing was written\n")
        #expect(try SQLiteShell.count(db, "incident") == 1)

        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: db)
        let read = try run(["incidents", "--db", db])
        #expect(read.status == 1)
        #expect(read.stderr == "error: \(db) cannot be read as a Hindsight knowledge base: it cannot be opened (Permission denied)\n")
    }

    /// The import refuses an allowance as long as its window, but a file edited by hand can hold
    /// any positive integer: the commands that show it must still run.
    @Test func anAllowanceLongerThanAnyWindowInAHandEditedFileIsShownNotATrap() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        #expect(try SQLiteShell.query(db, """
            UPDATE sla SET objective_percent = NULL, allowed_downtime_seconds = 9223372036854775807
            WHERE service_id = 'url-shortener'
            """) == "")
        let services = try sandbox.run("services", "--db", db)
        #expect(services.status == 0, "\(services.stderr)")
        // Int64.max seconds, spelled out: 9 223 372 036 854 775 807 = 106 751 991 167 300 × 86 400
        // + 55 807, and 55 807 s = 15 h 30 min 7 s.
        #expect(services.stdout.contains("106751991167300d 15h 30m 7s down per year"), "\(services.stdout)")
        for command in [["budget"], ["report", "--year", "2023"]] {
            let result = try Hindsight.run([command[0], "--db", db] + command.dropFirst(), home: sandbox.path)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("url-shortener"), "\(command)")
        }
    }
}
