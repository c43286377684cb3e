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

    /// A pipe named as a file (`/dev/stdin` here, `<(command)` in a shell) can be read only once.
    /// A flow-style YAML document is parsed whole, which opens the file a second time: the second
    /// reading found the pipe empty and refused a valid file as holding no document.
    @Test(arguments: [false, true])
    func aPipeNamedAsAFileIsImportedWhole(intoExistingFile: Bool) throws {
        let (sandbox, demo) = try Sandbox.withDemo()
        let db = intoExistingFile ? demo : sandbox.file("new.sqlite")
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let flowStyle = "{version: 1, services: [{id: piped-service, name: Piped Service, tier: 2}]}\n"
        let result = try Hindsight.run(["import", "--db", db, "/dev/stdin"], stdin: Data(flowStyle.utf8),
                                       home: sandbox.path, environment: ["TMPDIR": temporary])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("services: 1 added"))
        #expect(try SQLiteShell.query(db, "SELECT name FROM service WHERE id = 'piped-service'") == "Piped Service")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
