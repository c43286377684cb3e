import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults from outside: a process killed mid-import, a full disk, a file size limit. After each
/// the database is intact, holds all of the import or none of it, and the next run succeeds.
struct FaultTests {
    /// A generated history of `incidents` incidents and a fresh knowledge base, plus how many
    /// incidents, factors and actions one complete import of it stores (measured on a separate
    /// file, so that a partial import could not hide behind a wrong expectation).
    private func history(_ sandbox: Sandbox, incidents: Int) throws -> (file: String, complete: [Int], seconds: Double) {
        let generated = try sandbox.run("generate", "--incidents", "\(incidents)", "--seed", "11")
        try #require(generated.status == 0)
        let file = try sandbox.write("history.json", generated.stdout)
        let reference = sandbox.file("reference.sqlite")
        let started = Date()
        let imported = try sandbox.run("import", "--db", reference, file)
        let seconds = Date().timeIntervalSince(started)
        try #require(imported.status == 0, "\(imported.stderr)")
        let complete = try ["incident", "factor", "action"].map { try SQLiteShell.count(reference, $0) }
        try #require(complete[0] == incidents)
        return (file, complete, seconds)
    }

    private func counts(_ db: String) throws -> [Int] {
        try ["incident", "factor", "action"].map { try SQLiteShell.count(db, $0) }
    }

    /// kill -9 at instants spread over a large import: the file passes integrity_check and
    /// foreign_key_check every time, holds the whole import or nothing of it, and importing the
    /// same file again leaves exactly one copy.
    @Test func killedImportsLeaveAllOrNothingAndCanBeRerun() throws {
        let sandbox = try Sandbox()
        let points = LongTests.size(short: 3, long: 32)
        let (file, complete, seconds) = try history(sandbox, incidents: LongTests.size(short: 300, long: 1500))
        var killedMidway = 0, leftEmpty = 0, leftComplete = 0
        // The reference import may have run while other tests loaded the machine; the re-runs
        // below show how long an import takes now, so the kill points stay inside the import.
        var importSeconds = seconds
        for point in 0..<points {
            let db = sandbox.file("killed-\(point).sqlite")
            #expect(try sandbox.run("init", "--db", db).status == 0)
            // Spread evenly over the whole run and past its end, so that some kills land during the
            // commit or after it, and the first always lands mid-run (random points could all miss it).
            let delay = importSeconds * 1.3 * (Double(point) + 0.5) / Double(points)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Hindsight.binaryPath)
            process.arguments = ["import", "--db", db, file]
            process.environment = ["HOME": sandbox.path, "XDG_DATA_HOME": sandbox.path + "/data", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }

            #expect(try SQLiteShell.health(db) == "ok", "kill point \(point) after \(delay) s")
            let after = try counts(db)
            #expect(after == [0, 0, 0] || after == complete, "kill point \(point) after \(delay) s left \(after)")
            if after == [0, 0, 0] { leftEmpty += 1 } else if after == complete { leftComplete += 1 }

            let rerunStarted = Date()
            let rerun = try sandbox.run("import", "--db", db, file)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            // A re-run after a complete import only compares, so only a full one is a measure.
            if after == [0, 0, 0] { importSeconds = min(importSeconds, Date().timeIntervalSince(rerunStarted)) }
            #expect(try counts(db) == complete)
            #expect(try SQLiteShell.health(db) == "ok")
        }
        #expect(leftEmpty + leftComplete == points)
        #expect(killedMidway > 0, "no kill landed while the import ran")
        print("kill -9: \(points) points over a \(complete[0])-incident import taking \(String(format: "%.1f", importSeconds)) s; "
              + "\(killedMidway) killed mid-run, \(leftEmpty) left nothing, \(leftComplete) left everything, "
              + "every re-run left exactly \(complete[0]) incidents")
    }

    /// A full disk (a 2 MiB tmpfs): the import fails with a message and exit 1, the database is
    /// intact and unchanged in content, and once the disk has room the same import succeeds.
    /// `init` needs about 1 MiB at its peak (the file and its write-ahead log of the migrations),
    /// the import of 1 000 incidents about 6 MiB.
    @Test(.enabled(if: ScratchMount.available, "needs root and permission to mount a tmpfs"))
    func aFullDiskFailsCleanlyAndTheNextRunSucceeds() throws {
        let sandbox = try Sandbox()
        let (file, complete, _) = try history(sandbox, incidents: 1000)
        let mount = try ScratchMount(megabytes: 2)
        let db = mount.path + "/kb.sqlite"
        #expect(try sandbox.run("init", "--db", db).status == 0)

        let full = try sandbox.run("import", "--db", db, file)
        #expect(full.status == 1)
        #expect(full.stderr == "error: database: the disk is full; nothing was written\n")
        #expect(full.stdout.isEmpty)
        #expect(try SQLiteShell.health(db) == "ok")
        #expect(try counts(db) == [0, 0, 0])

        try mount.remount("size=64m")
        let retried = try sandbox.run("import", "--db", db, file)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try counts(db) == complete)
        #expect(try SQLiteShell.health(db) == "ok")
    }

    /// A file size limit (`ulimit -f` in the shell that starts hindsight): without SIGXFSZ
    /// ignored the process would be killed by the signal mid-import, without a word (checked: the
    /// status was then 25, the signal's number); instead it says why and exits 1, and the next
    /// run without the limit succeeds.
    @Test func aFileSizeLimitFailsCleanlyAndTheNextRunSucceeds() throws {
        let sandbox = try Sandbox()
        let (file, complete, _) = try history(sandbox, incidents: 1000)
        let db = sandbox.file("limited.sqlite")
        #expect(try sandbox.run("init", "--db", db).status == 0)
        // 2048 blocks is 1 MiB with bash's 512-byte ulimit blocks or 2 MiB with 1024-byte ones;
        // the import's write-ahead log needs several MiB either way.
        // The test runner starts its children with SIGXFSZ ignored, which would hide a missing
        // handler; `env --default-signal` gives hindsight the signal's default action, as a shell has.
        let limited = try Hindsight.run(["-c", "ulimit -f 2048 && exec env --default-signal=XFSZ \"$0\" \"$@\"",
                                         Hindsight.binaryPath, "import", "--db", db, file],
                                        home: sandbox.path, binary: "/bin/sh")
        #expect(limited.status == 1)
        #expect(limited.stderr.hasPrefix("error: database: could not read or write the database file"))
        #expect(limited.stderr.contains("file size limits"))
        #expect(try SQLiteShell.health(db) == "ok")
        #expect(try counts(db) == [0, 0, 0])

        let retried = try sandbox.run("import", "--db", db, file)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try counts(db) == complete)
    }

    /// A first import builds the new file under `.NAME.PID.partial`; one killed before it could
    /// clean up left that hidden file (as large as what it had imported) for good. The next write
    /// that creates the same name (an import, or `init`) removes it with its side files and its
    /// claim file, and leaves alone the temporary file of a process that still runs or whose
    /// claim is held (on `.NAME.PID.partial.claim`, or, as older versions claimed it, on the
    /// temporary file itself). Side files left without their temporary file go too.
    @Test(arguments: ["import", "init"])
    func theTemporaryFileOfAKilledFirstImportIsRemovedByTheNextWrite(command: String) throws {
        let sandbox = try Sandbox()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        let abandoned = sandbox.file(".new.sqlite.\(gone).partial")
        try Data(repeating: 7, count: 65_536).write(to: URL(fileURLWithPath: abandoned))
        try Data(repeating: 7, count: 4_096).write(to: URL(fileURLWithPath: abandoned + "-journal"))
        // One of a process that still runs (this one), and one whose builder's lock is still held.
        let running = try sandbox.write(".new.sqlite.\(getpid()).partial", "being built")
        let locked = try sandbox.write(".new.sqlite.\(gone + 1_000_000).partial", "locked")
        let lock = open(locked, O_RDONLY)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX) == 0)
        // As this version leaves them: with a claim file nobody holds, or one that is held.
        let unclaimed = sandbox.file(".new.sqlite.\(gone + 2_000_000).partial")
        try Data(repeating: 7, count: 65_536).write(to: URL(fileURLWithPath: unclaimed))
        try sandbox.write(".new.sqlite.\(gone + 2_000_000).partial.claim", "")
        let claimed = try sandbox.write(".new.sqlite.\(gone + 3_000_000).partial", "claimed")
        let claim = try sandbox.write(".new.sqlite.\(gone + 3_000_000).partial.claim", "")
        let claimLock = open(claim, O_RDONLY)
        defer { close(claimLock) }
        try #require(flock(claimLock, LOCK_EX) == 0)
        // Killed after it removed its temporary file, before its journal and claim.
        try sandbox.write(".new.sqlite.\(gone + 4_000_000).partial-journal", "journal")
        try sandbox.write(".new.sqlite.\(gone + 4_000_000).partial.claim", "")
        let file = try sandbox.write("one.yaml", DamagedFileTests.incident)

        let result = try Hindsight.run([command, "--db", sandbox.file("new.sqlite")] + (command == "import" ? [file] : []),
                                       home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0 != "new.sqlite.lock" }.sorted()
        #expect(left == [URL(fileURLWithPath: locked).lastPathComponent, URL(fileURLWithPath: running).lastPathComponent,
                         URL(fileURLWithPath: claimed).lastPathComponent, URL(fileURLWithPath: claim).lastPathComponent,
                         "new.sqlite", "one.yaml"].sorted())
    }

    /// A backup writes its copy under a hidden temporary name in the destination's folder; one
    /// killed before it could clean up left that copy, as large as the knowledge base, for good.
    /// The next backup to the same name removes a copy whose process is gone and whose claim
    /// nobody holds, with its side files, and leaves alone one of a process that still runs, one
    /// whose claim is held, and one named as older versions named them, which does not say which
    /// process made it.
    @Test func theCopyOfAKilledBackupIsRemovedByTheNextBackup() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        func name(_ pid: pid_t) -> String { ".copy.sqlite.\(pid).\(UUID().uuidString).backup" }
        let abandoned = sandbox.file(name(gone))
        try Data(repeating: 7, count: 65_536).write(to: URL(fileURLWithPath: abandoned))
        try Data(repeating: 7, count: 4_096).write(to: URL(fileURLWithPath: abandoned + "-wal"))
        let unclaimed = sandbox.file(name(gone + 2_000_000))
        try Data(repeating: 7, count: 65_536).write(to: URL(fileURLWithPath: unclaimed))
        try sandbox.write(URL(fileURLWithPath: unclaimed).lastPathComponent + ".claim", "")
        let running = try sandbox.write(name(getpid()), "being copied")
        let claimed = try sandbox.write(name(gone + 3_000_000), "claimed")
        let claim = try sandbox.write(URL(fileURLWithPath: claimed).lastPathComponent + ".claim", "")
        let lock = open(claim, O_RDONLY)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX) == 0)
        let older = try sandbox.write(".copy.sqlite.backup-\(UUID().uuidString)", "an older version's")
        // The demo's own side files come and go with its openings; only the copies are compared.
        func copies() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.contains("copy") }) }
        let before = try copies()

        let result = try sandbox.run("backup", "--db", db, sandbox.file("copy.sqlite"))
        #expect(result.status == 0, "\(result.stderr)")
        let removed = [abandoned, abandoned + "-wal", unclaimed, unclaimed + ".claim"].map { URL(fileURLWithPath: $0).lastPathComponent }
        let kept = [running, claimed, claim, older].map { URL(fileURLWithPath: $0).lastPathComponent }
        let left = try copies()
        #expect(left == before.subtracting(removed).union(["copy.sqlite"]))
        #expect(Set(kept).isSubset(of: left))
        #expect(try SQLiteShell.health(sandbox.file("copy.sqlite")) == "ok")
    }

    /// The first import claimed its temporary file with an `flock` through a descriptor of its
    /// own on that very file. On Linux closing any descriptor of a file drops all the process's
    /// POSIX locks on it, SQLite's among them, so only SQLite may open SQLite's file: the claim is
    /// now on `.NAME.PID.partial.claim`. Checked while the import waits to link its file into
    /// place (the test holds the lock it takes for that): the claim file is locked, the temporary
    /// file is not, and once the import ends both are gone.
    @Test func aFirstImportClaimsItsTemporaryFileThroughAFileOfItsOwn() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("new.sqlite")
        let file = try sandbox.write("one.yaml", DamagedFileTests.incident)
        let held = open(db + ".lock", O_RDWR | O_CREAT, 0o644)
        try #require(held >= 0)
        var released = false
        defer { if !released { close(held) } }
        try #require(flock(held, LOCK_EX) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hindsight.binaryPath)
        process.arguments = ["import", "--db", db, file]
        process.environment = ["HOME": sandbox.path, "XDG_DATA_HOME": sandbox.path + "/data", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let partial = sandbox.file(".new.sqlite.\(process.processIdentifier).partial")
        // The temporary file is complete, in WAL mode again, once its -journal is gone.
        var waited = 0
        while waited < 30_000, !FileManager.default.fileExists(atPath: partial)
                || FileManager.default.fileExists(atPath: partial + "-journal") {
            usleep(10_000)
            waited += 10
        }
        usleep(200_000)
        let partialDescriptor = open(partial, O_RDONLY)
        let claimDescriptor = open(partial + ".claim", O_RDONLY)
        let partialFree = partialDescriptor >= 0 && flock(partialDescriptor, LOCK_EX | LOCK_NB) == 0
        let claimHeld = claimDescriptor >= 0 && flock(claimDescriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
        if partialDescriptor >= 0 { close(partialDescriptor) }
        if claimDescriptor >= 0 { close(claimDescriptor) }
        close(held)
        released = true
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(partialDescriptor >= 0, "the temporary file was not there while the import waited")
        #expect(partialFree, "the temporary file itself was locked")
        #expect(claimHeld, "the claim file was missing or not locked")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted()
                == ["new.sqlite", "new.sqlite.lock", "one.yaml"])
        #expect(try SQLiteShell.query(db, "SELECT id FROM incident") == "outage-1")
    }

    /// A database deleted after a process writing it was killed leaves its write-ahead log, and
    /// SQLite pairs a log with a database by name alone: a first import or a backup that put a
    /// complete file under that name had the old log's pages laid over it at the next opening,
    /// reported success, and left a corrupt file. The left-over files are now removed first; a
    /// backup over an existing file whose log holds writes is refused, the file left as it was.
    @Test func aLeftOverLogOfADeletedDatabaseIsNotLaidOverANewFile() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        // A log with writes not yet in its database: copied while the sqlite3 shell holds it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", db, "PRAGMA wal_autocheckpoint = 0;", "UPDATE incident SET title = title || ' (edited)';",
                           ".shell cp '\(db)-wal' '\(sandbox.file("orphan-wal"))'"]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        try #require(shell.terminationStatus == 0, "the sqlite3 shell could not make a write-ahead log")
        let orphan = try #require(sandbox.bytes("orphan-wal"))
        try #require(orphan.count > 32)
        let file = try sandbox.write("one.yaml", DamagedFileTests.incident)

        try orphan.write(to: URL(fileURLWithPath: sandbox.file("new.sqlite-wal")))
        let imported = try sandbox.run("import", "--db", sandbox.file("new.sqlite"), file)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try SQLiteShell.health(sandbox.file("new.sqlite")) == "ok")
        #expect(try SQLiteShell.query(sandbox.file("new.sqlite"), "SELECT count(*) FROM incident") == "1")

        try orphan.write(to: URL(fileURLWithPath: sandbox.file("copy.sqlite-wal")))
        let copied = try sandbox.run("backup", "--db", db, sandbox.file("copy.sqlite"))
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(try SQLiteShell.health(sandbox.file("copy.sqlite")) == "ok")
        let titles = "SELECT group_concat(title, '|') FROM (SELECT title FROM incident ORDER BY id)"
        #expect(try SQLiteShell.query(sandbox.file("copy.sqlite"), titles) == (try SQLiteShell.query(db, titles)))

        // Over an existing file whose log holds writes: refused, both left as they were.
        let target = sandbox.file("target.sqlite")
        try FileManager.default.copyItem(atPath: sandbox.file("copy.sqlite"), toPath: target)
        try orphan.write(to: URL(fileURLWithPath: target + "-wal"))
        let before = sandbox.bytes("target.sqlite")
        let refused = try sandbox.run("backup", "--db", db, "--overwrite", target)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("\(target)-wal holds writes not yet in the file"), "\(refused.stderr)")
        #expect(sandbox.bytes("target.sqlite") == before)
        #expect(sandbox.bytes("target.sqlite-wal") == orphan)
    }

    /// Side files left beside a name where no file is are removed before a backup is given that
    /// name; with --overwrite, a left-over log was instead taken for writes not yet in a file and
    /// the backup refused, although there was no file to overwrite. It is now removed as without.
    @Test func aLeftOverLogBesideNoFileDoesNotStopABackupWithOverwrite() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        try sandbox.write("copy.sqlite-wal", "left by a deleted database")
        try sandbox.write("copy.sqlite-journal", "left by a deleted database")
        let result = try sandbox.run("backup", "--db", db, "--overwrite", sandbox.file("copy.sqlite"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(sandbox.bytes("copy.sqlite-wal") == nil)
        #expect(sandbox.bytes("copy.sqlite-journal") == nil)
        #expect(try SQLiteShell.health(sandbox.file("copy.sqlite")) == "ok")
    }
}
