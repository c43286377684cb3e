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
    @Test func aLinkAndTheFileItLeadsToShareOneLock() throws {
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
        // `init` on an existing file takes a few milliseconds; waiting for the lock, it cannot end.
        usleep(1_500_000)
        let waited = process.isRunning
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
    }
}
