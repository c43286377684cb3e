import Foundation
import Testing

/// A file named with one character, in the current folder, is a file like any other: the
/// knowledge base, its backup and an imported file may be called `k`, `b` or `a`.
struct OneCharacterPathTests {
    /// `--db k` stopped every command with a trap and a backtrace (exit 132) while working out
    /// the file's folder; `backup ... b` did the same for the copy.
    @Test func aKnowledgeBaseAndABackupNamedWithOneCharacterWork() throws {
        let sandbox = try Sandbox()
        func run(_ arguments: String...) throws -> BinaryResult {
            try Hindsight.run(arguments, home: sandbox.path, directory: sandbox.path)
        }
        let made = try run("init", "--db", "k")
        #expect(made.status == 0, "\(made)")
        #expect(sandbox.bytes("k") != nil)
        let listed = try run("services", "--db", "k", "--format", "json")
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout == "[]\n")
        let copied = try run("backup", "--db", "k", "b")
        #expect(copied.status == 0, "\(copied)")
        #expect(sandbox.bytes("b") != nil)
    }
}
