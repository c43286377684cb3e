import Foundation
import Testing

/// The command line's stable surface, pinned in the contract's own words: which database a
/// command uses and what it does when the file is missing, exit codes, which stream carries what,
/// and the `--format` values each command takes.
struct CommandLineContractTests {
    /// "65: the input data is wrong (…, an id that does not exist); nothing was written." A command
    /// that changes a service's SLAs or maintenance can only ever name a service that does not
    /// exist in a file that does not exist yet, so it refuses the missing file, as the action
    /// commands do, and says how to create one, instead of leaving a new empty knowledge base
    /// behind it.
    @Test(arguments: [
        ["sla", "add", "api", "--objective", "99.9", "--window", "month"],
        ["sla", "change", "api", "--objective", "99.5"],
        ["maintenance", "add", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z"],
        ["maintenance", "change", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z", "--note", "x"],
        ["maintenance", "remove", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z"],
    ])
    func commandsThatChangeExistingRecordsLeaveNoFileWhenTheKnowledgeBaseIsMissing(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        let path = sandbox.file("folder/kb.sqlite")
        let result = try Hindsight.run(arguments + ["--db", path], home: sandbox.path)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no knowledge base at \(path); create one with 'hindsight init --db \(path)', "
                + "'hindsight import --db \(path) FILE' or try 'hindsight demo'\n", "\(arguments)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("folder")), "\(arguments) made the folder")
    }
}

extension CommandLineContractTests {
    /// "Errors go to standard error, one problem per line, as `file:line:column: message` when they
    /// come from a file." A value echoed in a message may hold a line break or another control
    /// character (a JSON string can, and so can an argument); it is written as a visible escape, so
    /// that each problem stays one line and nothing reaches the terminal raw.
    @Test func aLineBreakInAnEchoedValueDoesNotSplitAProblemOverTwoLines() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("bad.json", #"{"version": 1, "services": [{"id": "s\nx", "name": "S"}, {"id": "api", "name": "API", "team\r\u001b[2J": 1}]}"#)
        let db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, file)
        #expect(imported.status == 65)
        #expect(imported.stdout == "")
        #expect(imported.stderr == """
            \(file):1:36: services[0].id: 's\\u{a}x' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters
            \(file):1:87: services[1]: unknown key 'team\\u{d}\\u{1b}[2J'; expected one of: id, name, team, tier, description

            """)
        #expect(sandbox.bytes("kb.sqlite") == nil)

        _ = try sandbox.run("demo", "--db", db)
        let shown = try sandbox.run("incident", "show", "--db", db, "no\nsuch")
        #expect(shown.status == 65)
        #expect(shown.stderr == "error: no incident with id 'no\\u{a}such'; 'hindsight incidents' lists them\n")

        // A usage error keeps the usage lines after it, but the problem is the first line, whole.
        let listed = try sandbox.run("incidents", "--db", db, "--service", "a\nb")
        #expect(listed.status == 64)
        #expect(listed.stdout == "")
        let lines = listed.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Error: --service: 'a\\u{a}b' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hindsight incidents") == true)
    }
}
