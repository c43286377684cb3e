import Foundation
import Testing

/// Standard input that cannot be read is named with the system's reason, the knowledge base and
/// the temporary folder are left as they were.
struct InputFailureTests {
    @Test(arguments: [("< /", "Is a directory"), ("<&-", "Bad file descriptor")])
    func unreadableStandardInputIsNamedWithItsReason(redirection: String, reason: String) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let before = FileManager.default.contents(atPath: db)
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" \(redirection)", Hindsight.binaryPath, "import", "--db", db, "-"],
                                       home: sandbox.path, environment: ["TMPDIR": temporary], binary: "/bin/sh")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: could not read standard input: \(reason)\n")
        #expect(FileManager.default.contents(atPath: db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
