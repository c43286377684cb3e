import Foundation
import Testing

/// `hindsight doctor` and `hindsight backup` end to end: output, exit codes, what they change.
struct OperatorToolsTests {
    @Test func doctorPassesTheDemoAndFindsAndRepairsAnOutOfStepIndex() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let healthy = try sandbox.run("doctor", "--db", db)
        #expect(healthy.status == 0)
        #expect(healthy.stderr.isEmpty)
        let lines = healthy.stdout.split(separator: "\n")
        #expect(lines.count == 7)  // heading, rule, five checks
        #expect(lines.dropFirst(2).allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).contains("ok") })

        // One index row deleted behind the triggers' back: 1 missing, 0 left over.
        #expect(try SQLiteShell.query(db, "DELETE FROM search_index WHERE rowid = (SELECT max(rowid) FROM search_index)") == "")
        let broken = try sandbox.run("doctor", "--db", db, "--format", "json")
        #expect(broken.status == 1)
        #expect(broken.stderr == "error: \(db): problems found by search index; 'hindsight doctor --repair' rebuilds the search index\n")
        let checks = try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(checks.map { $0["check"] as? String } == ["integrity", "foreign keys", "schema", "search index", "wal"])
        #expect(checks.map { $0["ok"] as? Bool } == [true, true, true, false, true])
        #expect(checks[3]["detail"] as? String == "1 row(s) missing or stale, 0 row(s) left over")

        let repaired = try sandbox.run("doctor", "--db", db, "--repair")
        #expect(repaired.status == 0)
        #expect(repaired.stdout.contains("rebuilt ("))
        #expect(try sandbox.run("doctor", "--db", db).status == 0)
    }

    @Test func doctorRefusesAMissingFileWithoutCreatingIt() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("doctor", "--db", sandbox.file("none.sqlite"), "--repair")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no knowledge base at"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("none.sqlite")))
    }

    @Test func backupWritesACopyThatExportsTheSameAndRefusesToOverwrite() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let copy = sandbox.file("copy.sqlite")
        let first = try sandbox.run("backup", "--db", db, copy)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Backed up \(db) to \(copy) ("))
        #expect(first.stdout.hasSuffix(" bytes, integrity check ok).\n"))
        #expect(try sandbox.run("export", "--db", copy).quietOutput() == sandbox.run("export", "--db", db).quietOutput())

        let before = sandbox.bytes("copy.sqlite")
        let again = try sandbox.run("backup", "--db", db, copy)
        #expect(again.status == 64)
        #expect(again.stderr == "error: will not write a backup to \(copy): the file already exists; pass --overwrite to replace it\n")
        #expect(sandbox.bytes("copy.sqlite") == before)
        #expect(try sandbox.run("backup", "--db", db, copy, "--overwrite").status == 0)

        let itself = try sandbox.run("backup", "--db", db, db, "--overwrite")
        #expect(itself.status == 64)
        #expect(itself.stderr.contains("it is the knowledge base itself"))
    }

    @Test func aBackupIntoAMissingFolderOrBelowAFileSaysWhich() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let file = try sandbox.write("notes.txt", "not a folder")
        let belowFile = try sandbox.run("backup", "--db", db, file + "/copy.sqlite")
        #expect(belowFile.status == 64)
        #expect(belowFile.stderr == "error: will not write a backup to \(file)/copy.sqlite: \(file) is a file, not a folder\n")
        let missing = sandbox.file("no-such-folder")
        let intoMissing = try sandbox.run("backup", "--db", db, missing + "/copy.sqlite")
        #expect(intoMissing.status == 64)
        #expect(intoMissing.stderr == "error: will not write a backup to \(missing)/copy.sqlite: the folder \(missing) does not exist\n")
    }

    /// A folder as the destination is refused before any copying, with or without --overwrite:
    /// neither "pass --overwrite" nor a failed move after the whole copy was made.
    @Test func aBackupOntoAFolderIsRefusedUpFront() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let folder = sandbox.file("backups")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for extra in [[], ["--overwrite"]] {
            let result = try Hindsight.run(["backup", "--db", db, folder] + extra, home: sandbox.path)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "error: will not write a backup to \(folder): it is a folder; name the file to write in it, "
                    + "e.g. \(folder)/hindsight.sqlite\n", "\(extra)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).allSatisfy { !$0.contains(".backup-") })
        }
    }

    /// A destination that is a device, a named pipe or a socket is refused before any copying, with
    /// or without --overwrite: the copy was renamed into its place, so that run as root
    /// `backup --overwrite /dev/null` replaced the system's /dev/null with a regular file.
    @Test func aBackupOntoANamedPipeIsRefusedAndThePipeStays() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let pipe = sandbox.file("pipe.sqlite")
        try #require(mkfifo(pipe, 0o644) == 0)
        for extra in [[], ["--overwrite"]] {
            let result = try Hindsight.run(["backup", "--db", db, pipe] + extra, home: sandbox.path)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "error: will not write a backup to \(pipe): it is a named pipe (FIFO), not a regular file; "
                    + "a backup is a file of its own\n", "\(extra)")
            var status = stat()
            #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "\(extra)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).allSatisfy { !$0.hasSuffix(".backup") })
        }
    }
}
