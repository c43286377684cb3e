import Foundation
import Testing

/// A message quotes at most 80 characters of a value, then `…` and the value's whole length, so
/// that a runaway value (a pasted file, a generated argument) gives a line one can read; the exit
/// code and the rest of the message are as for a short value.
struct LongValueTests {
    /// `'X'` and 79 `a`s: the first 80 characters of the long values below.
    static let head = "X" + String(repeating: "a", count: 79)

    /// An import file with a 1 MiB invalid id: exit 65, one line naming where and what, nothing written.
    @Test func aLongInvalidIdInAFileIsQuotedShort() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let id = "X" + String(repeating: "a", count: 1 << 20)
        let yaml = try sandbox.write("long.yaml", """
            version: 1
            incidents:
              - id: \(id)
                title: Outage
                started_at: 2024-05-01T10:00:00Z
            """)
        let result = try sandbox.run("import", "--db", db, yaml)
        #expect(result.status == 65)
        // 1 + 2^20 = 1048577 characters.
        #expect(result.stderr == yaml + ":3:9: incidents[0].id: '\(Self.head)…' (1048577 characters) is not a valid id; "
            + "expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, "
            + "at most 128 characters\n", "\(result.stderr.prefix(500))")
        #expect(result.stdout == "")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    /// A long `--service` value: exit 64, its first line bounded. (An argument may hold at most
    /// 128 KiB on Linux, so this one has 100 001 characters.)
    @Test func aLongInvalidIdOnTheCommandLineIsQuotedShort() throws {
        let sandbox = try Sandbox()
        let service = "X" + String(repeating: "a", count: 100_000)
        let result = try sandbox.run("incidents", "--db", sandbox.file("kb.sqlite"), "--service", service)
        #expect(result.status == 64)
        let first = result.stderr.prefix { $0 != "\n" }
        #expect(first == "error: --service: '\(Self.head)…' (100001 characters) is not a valid id; expected "
            + "[a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, "
            + "at most 128 characters", "\(result.stderr.prefix(500))")
        #expect(result.stderr.count < 1000, "\(result.stderr.prefix(500))")
    }

    /// A value of exactly 80 characters is quoted whole; 81 are cut, with the count.
    @Test func theLimitIsEightyCharacters() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let whole = try sandbox.run("actions", "--db", db, "--status", Self.head)
        #expect(whole.status == 64)
        #expect(whole.stderr.hasPrefix("error: --status '\(Self.head)' is not one of open | in-progress | done | wont-do\n"),
                "\(whole.stderr)")
        let cut = try sandbox.run("actions", "--db", db, "--status", Self.head + "b")
        #expect(cut.status == 64)
        #expect(cut.stderr.hasPrefix("error: --status '\(Self.head)…' (81 characters) "
                                     + "is not one of open | in-progress | done | wont-do\n"),
                "\(cut.stderr)")
    }

    /// The words refused before the parser sees them: a long one-dash word and a long command name.
    @Test func aLongWordOrCommandIsQuotedShort() throws {
        let sandbox = try Sandbox()
        let word = "-" + String(repeating: "x", count: 100_000)
        let dash = try sandbox.run("search", "--db", sandbox.file("kb.sqlite"), word)
        #expect(dash.status == 64)
        #expect(dash.stderr.hasPrefix("error: '-" + String(repeating: "x", count: 79)
                                      + "…' (100001 characters) is not an option"),
                "\(dash.stderr.prefix(500))")
        #expect(dash.stderr.count < 1000, "\(dash.stderr.prefix(500))")
        let command = try sandbox.run(String(repeating: "y", count: 100_000))
        #expect(command.status == 64)
        // "hindsight " and 70 ys make the 80 characters quoted.
        #expect(command.stderr.hasPrefix("error: 'hindsight " + String(repeating: "y", count: 70)
                                         + "…' (100010 characters) is not a command"),
                "\(command.stderr.prefix(500))")
        #expect(command.stderr.count < 1000, "\(command.stderr.prefix(500))")
    }

    /// The words the argument parser refuses and echoes itself: an unknown option, an unexpected
    /// argument (after a short one, which stays whole) and a value not among a keyword's spellings,
    /// given apart and after `=`. Each keeps the parser's wording, with the value quoted short.
    @Test func wordsTheParserRefusesAreQuotedShort() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let long = Self.head + String(repeating: "a", count: 99_921)
        let option = try sandbox.run("incidents", "--db", db, "--" + long)
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("error: Unknown option '--" + Self.head.dropLast(2) + "…' (100003 characters)\n"),
                "\(option.stderr.prefix(500))")
        #expect(option.stderr.count < 1000, "\(option.stderr.prefix(500))")
        let unexpected = try sandbox.run("incident", "show", "--db", db, "one", "two", long)
        #expect(unexpected.status == 64)
        #expect(unexpected.stderr.hasPrefix("error: 2 unexpected arguments: 'two', '\(Self.head)…' (100001 characters)\n"),
                "\(unexpected.stderr.prefix(500))")
        #expect(unexpected.stderr.count < 1000, "\(unexpected.stderr.prefix(500))")
        for words in [["--format", long], ["--format=" + long]] {
            let format = try Hindsight.run(["incidents", "--db", db] + words, home: sandbox.path)
            #expect(format.status == 64)
            #expect(format.stderr.hasPrefix("error: The value '\(Self.head)…' (100001 characters) is invalid for "
                                            + "'--format <format>'. Please provide one of 'table', 'json', 'csv' or 'markdown'.\n"),
                    "\(format.stderr.prefix(500))")
            #expect(format.stderr.count < 1000, "\(format.stderr.prefix(500))")
        }
    }
}
