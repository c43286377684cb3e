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
