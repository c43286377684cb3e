import Foundation
import Testing

/// Several `hindsight` processes on one file at once, as cron jobs and CI pipelines do. The full
/// sizes run under `HINDSIGHT_LONG_TESTS=1`; without it, the same tests run smaller.
struct ConcurrencyTests {
    @Test func writersOnAFreshFileWaitForEachOtherAndAllCommit() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        let processes = 8
        for index in 0..<processes {
            try sandbox.write("incident-\(index).yaml", Self.incident("outage-\(index)"))
        }
        let statuses = Slots(count: processes, initial: "")
        // Every process starts on a file that does not exist yet: they race to create and migrate it.
        Simultaneously.run(processes) { index in
            let result = try? Hindsight.run(["import", "--db", db, sandbox.file("incident-\(index).yaml")], home: sandbox.path)
            statuses.set(index, result.map { "\($0.status) \($0.stderr)" } ?? "did not run")
        }
        #expect(statuses.values == Array(repeating: "0 ", count: processes))
        let listed = try sandbox.run("incidents", "--db", db, "--format", "json")
        #expect(listed.succeededQuietly, "\(listed)")
        let json = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(json.count == processes)
    }

    /// Two backups to one new file at once: one writes it, the other is refused as when the file
    /// was there before it began (exit 64, "will not write a backup"), never an I/O failure (exit
    /// 1). The loser's check for an existing file passes while the winner is still copying, and
    /// the name is taken only when its own copy is moved into place.
    @Test func twoBackupsToOneNewFileOneWritesTheOtherIsRefused() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let history = try Hindsight.run(["generate", "--incidents", "300", "--seed", "4"], home: sandbox.path)
        #expect(history.status == 0)
        _ = try sandbox.write("history.json", history.stdout)
        _ = try sandbox.run("import", "--db", db, sandbox.file("history.json")).quietOutput()
        for round in 0..<LongTests.size(short: 3, long: 20) {
            let copy = sandbox.file("copy-\(round).sqlite")
            let results = Slots(count: 2, initial: "")
            Simultaneously.run(2) { index in
                let result = try? Hindsight.run(["backup", "--db", db, copy], home: sandbox.path)
                results.set(index, result.map { "\($0.status) \($0.stderr)" } ?? "did not run")
            }
            let refusal = "64 error: will not write a backup to \(copy): the file already exists; pass --overwrite to replace it\n"
            #expect(results.values.filter { $0 == "0 " }.count == 1, "\(results.values)")
            #expect(results.values.allSatisfy { $0 == "0 " || $0 == refusal }, "\(results.values)")
            #expect(try SQLiteShell.health(copy) == "ok")
        }
    }

    /// The migration race: 8 processes open one file that does not exist yet, in rounds on a new
    /// file each time. Without the migration lock, GRDB's migrator fails some of them with
    /// "table already exists".
    @Test func processesOpeningOneFreshFileAtOnceAllSucceed() throws {
        let sandbox = try Sandbox()
        let processes = 8
        let rounds = LongTests.size(short: 2, long: 20)
        var failures: [String] = []
        for round in 0..<rounds {
            let db = sandbox.file("fresh-\(round).sqlite")
            let results = Slots(count: processes, initial: "")
            Simultaneously.run(processes) { index in
                let result = try? Hindsight.run(["init", "--db", db], home: sandbox.path)
                results.set(index, result.map { $0.status == 0 && $0.stderr.isEmpty ? "" : "\($0.status) \($0.stderr)" } ?? "did not run")
            }
            failures += results.values.filter { !$0.isEmpty }
            #expect(try SQLiteShell.count(db, "grdb_migrations") == 4)  // every migration in Migrations/
            #expect(try SQLiteShell.health(db) == "ok")
        }
        #expect(failures == [])
        print("migration race: \(rounds * processes) openings of \(rounds) fresh files, \(failures.count) failed")
    }

    /// 8 processes each import distinct incidents one run at a time while 2 more keep running
    /// reports and listings: every import commits (no "database is locked"), the count is exact,
    /// and the file is clean.
    @Test func eightProcessesImportingWhileReportsRunAllCommit() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("busy.sqlite")
        let writers = 8
        let importsEach = LongTests.size(short: 4, long: 100)
        #expect(try sandbox.run("init", "--db", db).status == 0)
        for writer in 0..<writers {
            for run in 0..<importsEach {
                try sandbox.write("w\(writer)-\(run).yaml", Self.incident("w\(writer)-run\(run)"))
            }
        }
        let problems = Slots(count: writers + 2, initial: [String]())
        let readerRuns = Slots(count: 2, initial: 0)
        let finishedWriters = Slots(count: 1, initial: 0)
        Simultaneously.run(writers + 2) { index in
            if index < writers {
                for run in 0..<importsEach {
                    let result = try? Hindsight.run(["import", "--db", db, sandbox.file("w\(index)-\(run).yaml")], home: sandbox.path)
                    if result?.status != 0 || result?.stderr.isEmpty != true {
                        problems.update(index) { $0.append(result.map { "\($0.status) \($0.stderr)" } ?? "did not run") }
                    }
                }
                finishedWriters.update(0) { $0 += 1 }
            } else {
                let reader = index - writers
                let arguments = reader == 0 ? ["report", "--db", db, "--year", "2024", "--format", "json"]
                    : ["incidents", "--db", db, "--format", "json"]
                while finishedWriters.values[0] < writers {
                    let result = try? Hindsight.run(arguments, home: sandbox.path)
                    if result?.status != 0 { problems.update(index) { $0.append(result.map { "\($0.status) \($0.stderr)" } ?? "did not run") } }
                    readerRuns.update(reader) { $0 += 1 }
                }
            }
        }
        let allProblems = problems.values.flatMap { $0 }
        #expect(allProblems == [])
        // Each reader started while the writers ran; one that never did would leave the imports untested against readers.
        #expect(readerRuns.values.allSatisfy { $0 > 0 }, "reader runs \(readerRuns.values)")
        #expect(try SQLiteShell.count(db, "incident") == writers * importsEach)
        #expect(try SQLiteShell.health(db) == "ok")
        print("load: \(writers) writers × \(importsEach) imports = \(writers * importsEach) committed of \(writers * importsEach); "
              + "reader runs \(readerRuns.values); problems \(allProblems.count)")
    }

    /// A one-incident interchange file on the shared service `api`.
    static func incident(_ id: String) -> String {
        """
        version: 1
        services: [{id: api, name: API}]
        incidents:
          - {id: \(id), title: Outage \(id), started_at: 2024-03-01T10:00:00Z, resolved_at: 2024-03-01T10:20:00Z, impacts: [{service: api}]}
        """
    }
}
