import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A knowledge base reached through a symbolic link: SQLite keeps its side files beside the file
/// the link leads to, and Hindsight's own lock and temporary files must be there too.
struct SymbolicLinkTests {
    /// What one import of `DamagedFileTests.incident` into a new file prints.
    private func importedReport(_ db: String) -> String {
        "Imported into \(db):\n  services: 1 added, 0 replaced, 0 unchanged\n  incidents: 1 added, 0 replaced, 0 unchanged\n"
    }

    private func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// The lock was named after the link, so a process opening the database through the link and
    /// one opening it by its own name did not exclude each other. A process that holds the lock
    /// beside the real file now keeps one that comes through the link waiting.
    @Test(.enabled(if: ProcessProbe.isAvailable))
    func aLinkAndTheFileItLeadsToShareOneLock() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.file("real"), withIntermediateDirectories: false)
        let db = sandbox.file("real/kb.sqlite")
        #expect(try sandbox.run("init", "--db", db).status == 0)
        let link = sandbox.file("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/kb.sqlite")

        let held = open(db + ".lock", O_RDWR)
        try #require(held >= 0)
        var released = false
        defer { if !released { close(held) } }
        try #require(flock(held, LOCK_EX) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hindsight.binaryPath)
        process.arguments = ["init", "--db", link]
        process.environment = ["HOME": sandbox.path, "XDG_DATA_HOME": sandbox.path + "/data", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Seen queued for the lock beside the real file, not merely still running: a slow `init` on a
        // loaded machine would be running after any pause.
        let waited = ProcessProbe.waitUntil(process) {
            ProcessProbe.isWaitingForFlock(pid: process.processIdentifier, onFileAt: db + ".lock")
        }
        close(held)
        released = true
        process.waitUntilExit()
        #expect(waited, "init through the link did not wait for the lock held beside the file it leads to")
        #expect(process.terminationStatus == 0)
        #expect(try entries(sandbox.path) == ["link.sqlite", "real"])
    }

    /// A first import through a link that leads to no file yet built its file, found the name
    /// taken (by the link) and opened the link, which SQLite could not: it failed with "unable to
    /// open database file" and left a lock file beside the link. It now makes the file where the
    /// link leads (and the folder, as for any new knowledge base), and leaves the link a link.
    @Test(arguments: [true, false])
    func aFirstImportThroughALinkToNoFileMakesTheFileWhereItLeads(folderExists: Bool) throws {
        let sandbox = try Sandbox()
        if folderExists { try FileManager.default.createDirectory(atPath: sandbox.file("real"), withIntermediateDirectories: false) }
        let link = sandbox.file("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/kb.sqlite")
        let file = try sandbox.write("one.yaml", DamagedFileTests.incident)

        let imported = try sandbox.run("import", "--db", link, file)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == importedReport(link))
        #expect(imported.stderr.isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/kb.sqlite")
        #expect(try entries(sandbox.path) == ["link.sqlite", "one.yaml", "real"])
        #expect(try entries(sandbox.file("real")) == ["kb.sqlite", "kb.sqlite.lock"])
        #expect(try SQLiteShell.query(sandbox.file("real/kb.sqlite"), "SELECT id FROM incident") == "outage-1")

        let again = try sandbox.run("import", "--db", sandbox.file("real/kb.sqlite"), file)
        #expect(again.succeededQuietly, "\(again)")
        #expect(again.stdout == "Nothing to change in \(sandbox.file("real/kb.sqlite")).\n"
                + "  services: 0 added, 0 replaced, 1 unchanged\n  incidents: 0 added, 0 replaced, 1 unchanged\n")
    }

    /// Links that lead round in a loop were opened as a file SQLite could not open ("unable to
    /// open database file"), after a lock file was made beside them; they are now named for what
    /// they are, and nothing is made.
    @Test func linksInALoopAreRefusedByName() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("one.sqlite"), withDestinationPath: "two.sqlite")
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("two.sqlite"), withDestinationPath: "one.sqlite")
        let db = sandbox.file("one.sqlite")
        let result = try sandbox.run("init", "--db", db)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(db) cannot be read as a Hindsight knowledge base: "
                + "its symbolic links go round in a loop (or lead through more than 40)\n")
        #expect(result.stdout.isEmpty)
        #expect(try entries(sandbox.path) == ["one.sqlite", "two.sqlite"])

        // As a backup's destination: refused before anything is copied, not after the copy was
        // made and then could not be given the name.
        let (demoSandbox, demo) = try Sandbox.withDemo()
        try FileManager.default.createSymbolicLink(atPath: demoSandbox.file("one.sqlite"), withDestinationPath: "two.sqlite")
        try FileManager.default.createSymbolicLink(atPath: demoSandbox.file("two.sqlite"), withDestinationPath: "one.sqlite")
        let backup = try demoSandbox.run("backup", "--db", demo, demoSandbox.file("one.sqlite"))
        #expect(backup.status == 64)
        #expect(backup.stderr == "error: will not write a backup to \(demoSandbox.file("one.sqlite")): "
                + "its symbolic links go round in a loop (or lead through more than 40)\n")
        // The knowledge base's own side files aside, nothing is made.
        #expect(try entries(demoSandbox.path).filter { !$0.hasPrefix("demo.sqlite") } == ["one.sqlite", "two.sqlite"])
    }

    /// `backup --overwrite LINK` put the copy in the link's place, leaving the file the link led
    /// to as it was; a backup is now written where the link leads, as `--db` opens it, and the
    /// link stays. Without --overwrite the file it leads to is refused as existing.
    @Test func aBackupThroughALinkReplacesTheFileItLeadsTo() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        try FileManager.default.createDirectory(atPath: sandbox.file("backups"), withIntermediateDirectories: false)
        let old = sandbox.file("backups/old.sqlite")
        #expect(try sandbox.run("init", "--db", old).status == 0)
        let link = sandbox.file("latest.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "backups/old.sqlite")
        let folderBefore = try entries(sandbox.file("backups"))

        let before = sandbox.bytes("backups/old.sqlite")
        let refused = try sandbox.run("backup", "--db", db, link)
        #expect(refused.status == 64)
        #expect(refused.stderr == "error: will not write a backup to \(link): the file already exists; pass --overwrite to replace it\n")
        #expect(sandbox.bytes("backups/old.sqlite") == before)

        let result = try sandbox.run("backup", "--db", db, "--overwrite", link)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Backed up \(db) to \(link) ("), "\(result.stdout)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "backups/old.sqlite")
        let incidents = "SELECT group_concat(id, '|') FROM (SELECT id FROM incident ORDER BY id)"
        #expect(try SQLiteShell.query(old, incidents) == (try SQLiteShell.query(db, incidents)))
        #expect(try SQLiteShell.health(old) == "ok")
        #expect(try entries(sandbox.file("backups")) == folderBefore)
    }

    /// A link that leads to no file yet was refused as "already exists" (and, with --overwrite,
    /// replaced by the copy); it is now a destination that does not exist yet: the copy is made
    /// where it leads, side files left there by a deleted database are removed first, and the
    /// link stays.
    @Test(arguments: [false, true])
    func aBackupThroughALinkToNoFileMakesTheFileWhereItLeads(overwrite: Bool) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        try FileManager.default.createDirectory(atPath: sandbox.file("backups"), withIntermediateDirectories: false)
        try sandbox.write("backups/new.sqlite-wal", "left by a deleted database")
        let link = sandbox.file("latest.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "backups/new.sqlite")

        let result = try Hindsight.run(["backup", "--db", db, link] + (overwrite ? ["--overwrite"] : []), home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "backups/new.sqlite")
        #expect(try entries(sandbox.file("backups")) == ["new.sqlite"])
        let incidents = "SELECT group_concat(id, '|') FROM (SELECT id FROM incident ORDER BY id)"
        #expect(try SQLiteShell.query(sandbox.file("backups/new.sqlite"), incidents) == (try SQLiteShell.query(db, incidents)))
    }

    /// The check that refuses to replace a file whose write-ahead log holds writes looked beside
    /// the link, where SQLite keeps no log, and the link was replaced; it now looks beside the
    /// file the link leads to, and refuses with both left as they were.
    @Test func aBackupThroughALinkChecksTheLogBesideTheFileItLeadsTo() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        try FileManager.default.createDirectory(atPath: sandbox.file("backups"), withIntermediateDirectories: false)
        let old = sandbox.file("backups/old.sqlite")
        #expect(try sandbox.run("init", "--db", old).status == 0)
        try sandbox.write("backups/old.sqlite-wal", "writes not yet in the file")
        let link = sandbox.file("latest.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "backups/old.sqlite")
        let before = sandbox.bytes("backups/old.sqlite")

        let result = try sandbox.run("backup", "--db", db, "--overwrite", link)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: will not write a backup to \(link): "), "\(result.stderr)")
        #expect(result.stderr.contains("/backups/old.sqlite-wal holds writes not yet in the file"), "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "backups/old.sqlite")
        #expect(sandbox.bytes("backups/old.sqlite") == before)
        #expect(sandbox.bytes("backups/old.sqlite-wal") == Data("writes not yet in the file".utf8))
    }
}
