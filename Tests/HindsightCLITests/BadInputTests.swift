import Foundation
import Testing

/// Every kind of bad input that the interchange format names: the import exits 65, prints a located
/// message on standard error, and leaves the database exactly as it was.
struct BadInputTests {
    static let good = """
        version: 1
        services:
          - {id: api, name: API}
        incidents:
          - id: outage
            title: The API fell over
            started_at: 2024-03-01T10:00:00Z
            resolved_at: 2024-03-01T10:30:00Z
            impacts:
              - {service: api, fraction: 0.5}
        """

    /// (what is wrong, the file's text, the start of the expected message).
    static let cases: [(String, String, String)] = [
        ("unknown key", good.replacingOccurrences(of: "resolved_at:", with: "resloved_at:"),
         "bad.yaml:8:5: incidents[0]: unknown key 'resloved_at'"),
        ("impossible date", good.replacingOccurrences(of: "2024-03-01T10:00:00Z", with: "2023-02-29T10:00:00Z"),
         "bad.yaml:7:17: incidents[0].started_at: '2023-02-29T10:00:00Z' is not an instant: day 29 does not exist in February 2023"),
        ("missing offset", good.replacingOccurrences(of: "2024-03-01T10:00:00Z", with: "2024-03-01T10:00:00"),
         "bad.yaml:7:17: incidents[0].started_at: '2024-03-01T10:00:00' is not an instant: it has no UTC offset"),
        ("end before start", good.replacingOccurrences(of: "resolved_at: 2024-03-01T10:30:00Z", with: "resolved_at: 2024-03-01T09:30:00Z"),
         "bad.yaml:8:18: incidents[0].resolved_at: 2024-03-01T09:30:00Z is before started_at 2024-03-01T10:00:00Z"),
        ("fraction out of range", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: 1.5"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: 1.5 is out of range"),
        ("YAML's .5", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: .5"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '.5' is not how the interchange format writes numbers (as JSON does); write 0.5\n"),
        ("YAML's +0.5", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: +0.5"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '+0.5' is not how the interchange format writes numbers (as JSON does); write 0.5\n"),
        ("YAML's 1.", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: 1."),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '1.' is not how the interchange format writes numbers (as JSON does); write 1\n"),
        ("YAML's +1.5, out of range too", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: +1.5"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '+1.5' is not how the interchange format writes numbers (as JSON does); write 1.5, and it is out of range; expected a number above 0 and at most 1, e.g. 0.8\n"),
        ("YAML's .inf", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: .inf"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '.inf' is YAML's infinity, which the interchange format does not take (its numbers are JSON's, which have no infinity or NaN); expected a number above 0 and at most 1, e.g. 0.8\n"),
        ("YAML's -.Inf", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: -.Inf"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '-.Inf' is YAML's minus infinity, which the interchange format does not take"),
        ("YAML's .nan for a whole number", good.replacingOccurrences(of: "{id: api, name: API}", with: "{id: api, name: API, tier: .nan}"),
         "bad.yaml:3:32: services[0].tier: '.nan' is YAML's NaN, which the interchange format does not take (its numbers are JSON's, which have no infinity or NaN); expected a whole number"),
        ("YAML's +1 for a whole number", good.replacingOccurrences(of: "{id: api, name: API}", with: "{id: api, name: API, tier: +1}"),
         "bad.yaml:3:32: services[0].tier: '+1' is not how the interchange format writes numbers (as JSON does); write 1\n"),
        ("another version", good.replacingOccurrences(of: "version: 1", with: "version: 2"),
         "bad.yaml:1:10: document.version: this hindsight reads interchange version 1, not 2\n"),
        ("a tier past the largest whole number", good.replacingOccurrences(of: "{id: api, name: API}",
                                                                          with: "{id: api, name: API, tier: 9223372036854775808}"),
         "bad.yaml:3:32: services[0].tier: '9223372036854775808' is out of range; expected a whole number of at least 1 "
            + "and at most 9223372036854775807\n"),
        ("a hex tier past the largest whole number", good.replacingOccurrences(of: "{id: api, name: API}",
                                                                              with: "{id: api, name: API, tier: 0x8000000000000000}"),
         "bad.yaml:3:32: services[0].tier: '0x8000000000000000' is not how the interchange format writes numbers (as JSON does); "
            + "write 9223372036854775808, and it is out of range; expected a whole number of at least 1 and at most 9223372036854775807\n"),
        // 0x1 followed by 29 Fs is 2^117 - 1, worked out by hand as 16^29 * 2 - 1.
        ("a hex fraction past any Int", good.replacingOccurrences(of: "fraction: 0.5", with: "fraction: 0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
         "bad.yaml:10:34: incidents[0].impacts[0].fraction: '0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFF' is not how the interchange format writes "
            + "numbers (as JSON does); write 166153499473114484112975882535043071, and it is out of range; "
            + "expected a number above 0 and at most 1, e.g. 0.8\n"),
        ("a duration past the longest", good + "\nslas:\n  - {service: api, allowed_downtime: 99999999999999999999s, window: week}",
         "bad.yaml:12:38: slas[0].allowed_downtime: '99999999999999999999s' is too long a duration; the longest is 9223372036854775807s\n"),
        ("unknown reference", good.replacingOccurrences(of: "{service: api, fraction", with: "{service: apx, fraction"),
         "bad.yaml:10:19: incidents[0].impacts[0].service: unknown service 'apx'"),
        ("duplicate id", good + "\n  - {id: outage, title: Other, started_at: 2024-03-02T10:00:00Z}",
         "bad.yaml:11:5: incidents[1]: duplicate incident 'outage' with different content (first defined at "),
        ("escaped NUL", good.replacingOccurrences(of: "title: The API fell over", with: "title: \"The API\\0 fell over\""),
         "bad.yaml:6:12: incidents[0].title: text may not contain NUL"),
        // The rules below are the schema's CHECK constraints too; the import must find them first,
        // with a position, rather than fail on the constraint with exit 1.
        ("empty tag", good.replacingOccurrences(of: "    resolved_at:", with: "    tags: [\"\"]\n    resolved_at:"),
         "bad.yaml:8:12: incidents[0].tags[0]: must not be empty"),
        ("derived due date past 9999", good
            .replacingOccurrences(of: "2024-03-01T10:00:00Z", with: "9999-12-01T10:00:00Z")
            .replacingOccurrences(of: "2024-03-01T10:30:00Z", with: "9999-12-01T10:30:00Z")
            + "\n    actions:\n      - {id: fix, title: Fix it, kind: prevent}",
         "bad.yaml:12:9: incidents[0].actions[0]: its due date, derived from resolved_at 9999-12-01T10:30:00Z, would fall after 9999-12-31; write a due date"),
        ("instant past 9999 in UTC", good.replacingOccurrences(of: "2024-03-01T10:00:00Z", with: "9999-12-31T23:00:00-02:00"),
         "bad.yaml:7:17: incidents[0].started_at: '9999-12-31T23:00:00-02:00' is not an instant: in UTC it falls outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z"),
        ("allowed downtime as long as its window", good + "\nslas:\n  - {service: api, allowed_downtime: 7d, window: week}",
         "bad.yaml:12:38: slas[0].allowed_downtime: 604800s is not shorter than a week window, which can be as short as 7 days"),
        // Prague's 2019-W13 ran from 25 March 00:00 CET to 1 April 00:00 CEST: 7 × 86400 − 3600 =
        // 601200 s. The first such week since 1979 (when Czechoslovakia began summer time) is named.
        ("allowed downtime as long as a week with the spring change",
         good + "\nslas:\n  - {service: api, allowed_downtime: 601200s, window: week, timezone: Europe/Prague}",
         "bad.yaml:12:38: slas[0].allowed_downtime: 601200s is not shorter than every week window it applies to: in Europe/Prague, 1979-W13 lasts only 6d 23h (601200s); expected a duration such as 15m"),
    ]

    func seeded() throws -> (Sandbox, String) {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let demo = try sandbox.run("demo", "--db", db)
        #expect(demo.status == 0)
        return (sandbox, db)
    }

    /// Runs an import that must fail and checks that nothing changed.
    func expectRefused(_ sandbox: Sandbox, _ db: String, files: [String], message: String,
                       replace: Bool = false) throws {
        let exportBefore = try sandbox.run("export", "--db", db).quietOutput()
        let bytesBefore = sandbox.bytes("kb.sqlite")
        let result = try Hindsight.run(["import", "--db", db] + (replace ? ["--replace"] : []) + files, home: sandbox.path)
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(sandbox.path + "/" + message) || result.stderr.hasPrefix(message),
                "stderr was: \(result.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == bytesBefore)
        #expect(try sandbox.run("export", "--db", db).quietOutput() == exportBefore)
    }

    @Test(arguments: cases.map { $0.0 })
    func refusedWithALocatedMessage(kind: String) throws {
        let (sandbox, db) = try seeded()
        let testCase = try #require(Self.cases.first(where: { $0.0 == kind }))
        try sandbox.write("bad.yaml", testCase.1)
        try expectRefused(sandbox, db, files: [sandbox.file("bad.yaml")], message: testCase.2)
    }

    @Test func rawNulByteIsRefusedWithItsPosition() throws {
        let (sandbox, db) = try seeded()
        var bytes = Data(Self.good.utf8)
        // Lines 1 and 2 are 11 and 10 bytes with their line feeds, so byte 31 is the 11th of line 3,
        // "  - {id: a|pi": the NUL goes in before the 'p', at column 11.
        bytes.insert(0, at: 31)
        try bytes.write(to: URL(fileURLWithPath: sandbox.file("bad.yaml")))
        try expectRefused(sandbox, db, files: [sandbox.file("bad.yaml")], message: "bad.yaml:3:11: NUL character")
        let stderr = try Hindsight.run(["import", "--db", db, sandbox.file("bad.yaml")], home: sandbox.path).stderr
        #expect(stderr.contains("NUL character"))
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() throws {
        let (sandbox, db) = try seeded()
        var bytes = Data(Self.good.utf8)
        bytes.replaceSubrange(62..<63, with: [0xFF])  // the 'd' of "- id: outage" on line 5
        try bytes.write(to: URL(fileURLWithPath: sandbox.file("bad.yaml")))
        try expectRefused(sandbox, db, files: [sandbox.file("bad.yaml")], message: "bad.yaml:5:6: invalid UTF-8")
        let stderr = try Hindsight.run(["import", "--db", db, sandbox.file("bad.yaml")], home: sandbox.path).stderr
        #expect(stderr.contains("invalid UTF-8 (byte 0xFF"))
    }

    @Test func nestedAliasesAreRefusedInBoundedMemory() throws {
        // Nine lines whose aliases stand for 9^9 strings: built out, they took some 24 GB.
        let sandbox = try Sandbox()
        var text = "version: 1\nx0: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        let names = Array("abcdefghi").map(String.init)
        for level in 1...8 {
            text += "x\(level): &\(names[level]) [" + Array(repeating: "*" + names[level - 1], count: 9).joined(separator: ",") + "]\n"
        }
        let file = try sandbox.write("laughs.yaml", text)
        // Run under a 1 GiB address-space limit, so that a regression fails here rather than
        // taking the machine's memory.
        let result = try Hindsight.run(["-c", "ulimit -v 1048576 && exec \"$0\" import --db \"$1\" \"$2\"",
                                        Hindsight.binaryPath, sandbox.file("kb.sqlite"), file],
                                       home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == file + ":7:9: the alias *e stands for 66430 values, which takes what the file's aliases "
                + "stand for past 100000; write the values out or alias smaller parts (an alias counts every value "
                + "inside what it names, aliases included)\n")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    @Test func aChangedRecordNeedsReplace() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("first.yaml", Self.good)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("first.yaml")).status == 0)
        try sandbox.write("bad.yaml", Self.good.replacingOccurrences(of: "fell over", with: "fell down"))
        try expectRefused(sandbox, db, files: [sandbox.file("bad.yaml")],
                          message: "bad.yaml:5:5: incidents[0]: incident 'outage' differs from the stored one (at title); pass --replace to overwrite it")
        let replaced = try sandbox.run("import", "--db", db, "--replace", sandbox.file("bad.yaml"))
        #expect(replaced.status == 0)
        #expect(replaced.stdout.contains("incidents: 0 added, 1 replaced"))
    }

    @Test func aBadSecondFileKeepsTheGoodFirstOneOut() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("a-good.yaml", Self.good)
        try sandbox.write("b-bad.yaml", "version: 1\nincidents:\n  - {id: x, title: X, started_at: yesterday}\n")
        try expectRefused(sandbox, db, files: [sandbox.file("a-good.yaml"), sandbox.file("b-bad.yaml")],
                          message: "b-bad.yaml:3:35: incidents[0].started_at: 'yesterday' is not an instant")
    }

    @Test func problemsOfSeveralFilesAreAllReported() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("a.yaml", "version: 1\nservices: [{id: A, name: x}]\n")
        try sandbox.write("b.yaml", "version: 1\nbogus: 1\n")
        let result = try sandbox.run("import", "--db", db, sandbox.file("a.yaml"), sandbox.file("b.yaml"))
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("a.yaml:2:17: services[0].id: 'A' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters") == true)
        #expect(lines.last?.contains("b.yaml:2:1: document: unknown key 'bogus'") == true)
    }

    /// A problem within a record (found while decoding) and one across records (found by the
    /// import) are listed by the same run, in file order (the order the paths are given, a file
    /// without a valid record too), and nothing is written.
    @Test func problemsWithinAndAcrossRecordsAreListedTogether() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("z.yaml", "version: 1\nincidents:\n  - {id: untitled, started_at: 2024-03-01T10:00:00Z}\n")
        try sandbox.write("a.yaml", """
            version: 1
            incidents:
              - id: refers-nowhere
                title: Hits a service no one defined
                started_at: 2024-03-01T10:00:00Z
                impacts:
                  - {service: nowhere}
            """)
        try sandbox.write("b.yaml", """
            version: 1
            incidents:
              - id: bad-date
                title: Starts in month 13
                started_at: 2024-13-01T10:00:00Z
              - id: also-nowhere
                title: Hits another
                started_at: 2024-03-01T10:00:00Z
                impacts:
                  - {service: nowhere-either}
            """)
        let bytesBefore = sandbox.bytes("kb.sqlite")
        let exportBefore = try sandbox.run("export", "--db", db).quietOutput()
        let result = try sandbox.run("import", "--db", db, sandbox.file("z.yaml"), sandbox.file("a.yaml"),
                                     sandbox.file("b.yaml"))
        #expect(result.status == 65)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5, "stderr was: \(result.stderr)")
        guard lines.count == 5 else { return }
        let fix = "; define it under 'services:' in this import or import it first"
        #expect(lines[0] == sandbox.file("z.yaml") + ":3:5: incidents[0]: missing required key 'title'")
        #expect(lines[1] == sandbox.file("a.yaml") + ":7:19: incidents[0].impacts[0].service: unknown service 'nowhere'" + fix)
        #expect(lines[2].hasPrefix(sandbox.file("b.yaml")
                                   + ":5:17: incidents[0].started_at: '2024-13-01T10:00:00Z' is not an instant: month 13 does not exist"))
        #expect(lines[3] == sandbox.file("b.yaml") + ":10:19: incidents[1].impacts[0].service: unknown service 'nowhere-either'" + fix)
        #expect(lines[4] == "")
        #expect(sandbox.bytes("kb.sqlite") == bytesBefore)
        #expect(try sandbox.run("export", "--db", db).quietOutput() == exportBefore)
    }

    /// A record refused while decoding is written all the same: a reference to it is not called
    /// unknown, nor is a later record with its id a duplicate, since its content is not known.
    @Test func aRefusedRecordCausesNoFollowOnProblems() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("bad.yaml", """
            version: 1
            services:
              - {id: cache, name: Cache, tier: 0}
            incidents:
              - id: twice
                title: Starts in month 13
                started_at: 2024-13-01T10:00:00Z
              - id: twice
                title: Written again, differently
                started_at: 2024-03-01T10:00:00Z
                impacts:
                  - {service: cache}
                  - {service: nowhere}
            """)
        let before = sandbox.bytes("kb.sqlite")
        let result = try sandbox.run("import", "--db", db, sandbox.file("bad.yaml"))
        #expect(result.status == 65)
        #expect(result.stderr == """
            \(sandbox.file("bad.yaml")):3:36: services[0].tier: 0 is out of range; expected a whole number of at least 1
            \(sandbox.file("bad.yaml")):7:17: incidents[0].started_at: '2024-13-01T10:00:00Z' is not an instant: month 13 does not exist; expected 01–12; expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00
            \(sandbox.file("bad.yaml")):13:19: incidents[1].impacts[1].service: unknown service 'nowhere'; define it under 'services:' in this import or import it first

            """)
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    /// After a syntax error the rest of a file is not read, and it may define any service: an
    /// unresolved reference elsewhere is not reported until the file can be read.
    @Test func aFileReadOnlyInPartHidesNoServiceItMayDefine() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("a.yaml", "version: 1\nservices:\n  - id: cache\n    name: [unclosed\n")
        try sandbox.write("b.yaml", """
            version: 1
            incidents:
              - {id: cached, title: Cache down, started_at: 2024-03-01T10:00:00Z, impacts: [{service: cache}]}
            """)
        let before = sandbox.bytes("kb.sqlite")
        let result = try sandbox.run("import", "--db", db, sandbox.file("a.yaml"), sandbox.file("b.yaml"))
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "stderr was: \(result.stderr)")
        #expect(lines.first?.hasPrefix(sandbox.file("a.yaml") + ":5:1: not valid YAML or JSON") == true,
                "stderr was: \(result.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    @Test func aFailedImportDoesNotCreateTheDatabase() throws {
        let sandbox = try Sandbox()
        try sandbox.write("bad.yaml", "version: 1\nservices: [{id: api}]\n")
        let result = try sandbox.run("import", "--db", sandbox.file("new.sqlite"), sandbox.file("bad.yaml"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("missing required key 'name'"))
        #expect(sandbox.bytes("new.sqlite") == nil)
    }

    @Test func aProblemInTheLastRecordOfALongFileLeavesNoDatabaseFolderOrTemporaryFileBehind() throws {
        let sandbox = try Sandbox()
        let generated = try sandbox.run("generate", "--incidents", "60", "--seed", "2")
        #expect(generated.succeededQuietly, "\(generated)")
        // A typo in the last `title` key of the file (an action of the last incident): every record
        // before it has gone into the transaction by the time it is read.
        let text = generated.stdout
        let last = try #require(text.range(of: "\"title\": ", options: .backwards))
        try sandbox.write("history.json", text.replacingCharacters(in: last, with: "\"titel\": "))
        // Two folders to make: each is removed, not only the one that would hold the file.
        let result = try sandbox.run("import", "--db", sandbox.file("new/deeper/kb.sqlite"), sandbox.file("history.json"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("history.json:"), "stderr was: \(result.stderr)")
        #expect(result.stderr.contains(": incidents[59].actions["), "stderr was: \(result.stderr)")
        #expect(result.stderr.contains("unknown key 'titel'"), "stderr was: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("new")))
        let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func aMissingFileIsNamed() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("import", "--db", sandbox.file("kb.sqlite"), sandbox.file("nope.yaml"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("nope.yaml: no such file or directory"))
    }

    /// A missing file stops the import, but the problems of the files that can be read are
    /// listed too, in the order the paths were given.
    @Test func aMissingFileDoesNotHideTheProblemsOfTheOtherFiles() throws {
        let (sandbox, db) = try seeded()
        try sandbox.write("bad.yaml", "version: 1\nservices: [{id: s, name: S, tier: 0}]\n")
        try sandbox.write("good.yaml", Self.good)
        let before = sandbox.bytes("kb.sqlite")
        let result = try sandbox.run("import", "--db", db, sandbox.file("nope.yaml"), sandbox.file("bad.yaml"),
                                     sandbox.file("good.yaml"), sandbox.file("gone.yaml"))
        #expect(result.status == 65)
        #expect(result.stderr == """
            \(sandbox.file("nope.yaml")): no such file or directory
            \(sandbox.file("bad.yaml")):2:35: services[0].tier: 0 is out of range; expected a whole number of at least 1
            \(sandbox.file("gone.yaml")): no such file or directory

            """)
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    @Test func aDatabaseFromANewerHindsightExits69() throws {
        let (sandbox, db) = try seeded()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "INSERT INTO grdb_migrations VALUES ('9999_future'); PRAGMA wal_checkpoint(TRUNCATE);"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // .ci/run installs the sqlite3 shell; without it this test must fail, not pass silently.
        try #require(process.terminationStatus == 0, "the sqlite3 shell could not mark the database as newer")
        let before = sandbox.bytes("kb.sqlite")
        try sandbox.write("good.yaml", Self.good)
        let result = try sandbox.run("import", "--db", db, sandbox.file("good.yaml"))
        #expect(result.status == 69)
        #expect(result.stderr.contains("newer hindsight"))
        #expect(try sandbox.run("incidents", "--db", db).status == 69)
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    /// A newer database that no one has open (no -wal, no -shm beside it) is refused by every
    /// command with nothing in its folder changed: SQLite creates the -wal and -shm of a WAL
    /// database even for a read-only connection, and had left them behind.
    @Test func aDatabaseFromANewerHindsightIsLeftWithNoSideFileMade() throws {
        let (sandbox, db) = try seeded()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "INSERT INTO grdb_migrations VALUES ('9999_future');"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the sqlite3 shell could not mark the database as newer")
        try sandbox.write("good.yaml", Self.good)
        func folder() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: sandbox.path) {
                files[name] = sandbox.bytes(name)
            }
            return files
        }
        let before = try folder()
        // The shell closed the file, which removed its -wal and -shm.
        #expect(before["kb.sqlite-wal"] == nil && before["kb.sqlite-shm"] == nil)
        for command in [["incidents"], ["import", sandbox.file("good.yaml")], ["init"], ["doctor"], ["export"],
                        ["backup", sandbox.file("copy.sqlite")], ["sla", "change", "url-shortener", "--until", "2030-01-01"]] {
            let result = try Hindsight.run(command + ["--db", db], home: sandbox.path)
            #expect(result.status == 69, "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            let after = try folder()
            #expect(after == before, "\(command) changed the folder: \(after.keys.sorted())")
        }
    }
}
