import Foundation
import Testing

/// A command that only reads leaves the knowledge base's folder as it found it. SQLite removes a
/// WAL database's `-wal` and `-shm` files when the last connection closes, but only a connection
/// that may write does; every listing used to leave both behind (in a folder kept in git, two
/// stray files after each look).
struct ReadingLeavesNoSideFilesTests {
    static let readingCommands: [[String]] = [
        ["incidents"], ["incidents", "--format", "json"], ["incident", "show", "2023-05-16-url-shortener-json-load"],
        ["actions", "--overdue"], ["action", "show", "2018-09-12-image-api-overlay-and-hotfix/e2e-test-roadmap"],
        ["report", "--quarter", "2019Q4", "--tz", "Europe/Prague"], ["budget", "--as-of", "2023-06-01T00:00:00Z"],
        ["search", "health", "check"], ["causes"], ["services"], ["followup"], ["gaps"],
        ["similar", "2019-10-30-catalogue-elasticsearch-overload"], ["maintenance", "list"], ["export"], ["doctor"],
    ]

    @Test func everyReadingCommandLeavesOnlyTheFileAndItsLock() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let name = URL(fileURLWithPath: db).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == [name, name + ".lock"])
        let before = try #require(sandbox.bytes(name))
        for command in Self.readingCommands {
            let result = try Hindsight.run(command + ["--db", db], home: sandbox.path)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == [name, name + ".lock"], "\(command)")
        }
        // Nothing was written: the closing connection found no log to copy into the file.
        #expect(sandbox.bytes(name) == before)
    }

    /// A log that a killed writer left, with writes not yet in the file, is read and then copied
    /// into the file by the reader that closes last, as SQLite's own shell does: nothing is lost.
    @Test func aLogLeftByAKilledWriterIsFoldedInWhenTheReaderCloses() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let crashed = sandbox.file("crashed.sqlite")
        // The file and its log, copied while the sqlite3 shell holds both, as a writer killed
        // after its commit would leave them.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", db, "PRAGMA wal_autocheckpoint = 0;",
                           "UPDATE incident SET title = title || ' (edited)' WHERE id = '2016-10-12-falcon-logging-near-miss';",
                           ".shell cp '\(db)' '\(crashed)' && cp '\(db)-wal' '\(crashed)-wal'"]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        try #require(shell.terminationStatus == 0, "the sqlite3 shell could not make a write-ahead log")
        try #require((sandbox.bytes("crashed.sqlite-wal")?.count ?? 0) > 32)

        let result = try sandbox.run("incidents", "--db", crashed, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(edited)"), "\(result.stdout)")
        #expect(sandbox.bytes("crashed.sqlite-wal") == nil && sandbox.bytes("crashed.sqlite-shm") == nil)
        #expect(try SQLiteShell.query(crashed, "SELECT title LIKE '% (edited)' FROM incident WHERE id = '2016-10-12-falcon-logging-near-miss'") == "1")
        #expect(try SQLiteShell.health(crashed) == "ok")
    }
}
