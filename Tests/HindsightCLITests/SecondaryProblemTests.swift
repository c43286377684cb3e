import Foundation
import Testing

/// A field refused for its own reason is reported once, at that field: the records and fields that
/// depend on it are not reported besides as though the file lacked it or held its default, which
/// would send the reader to fix what is right.
struct SecondaryProblemTests {
    static let good = """
        version: 1
        services:
          - {id: api, name: API}
        incidents:
          - id: outage
            title: The API fell over
            started_at: 2024-03-01T10:00:00Z
            mitigated_at: 2024-03-01T10:20:00Z
            impacts:
              - {service: api}
            factors:
              - {id: f1, title: A bug, cause: code/bug}
              - {id: f2, title: Another, cause: code/other}
            actions:
              - {id: fix, title: Fix it, kind: prevent, addresses: [f1, f2], status: done, completed_at: 2024-03-02T10:00:00Z}
        """

    static let idRule = "expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', "
        + "starting with a letter or digit, at most 128 characters"
    static let causeRule = "expected segments of lower-case letters, digits, '.', '_' and '-' joined by '/', e.g. cache/key"

    /// (what is wrong, the replacements that make it so, every line expected on standard error
    /// after the file's path).
    static let cases: [(String, [(String, String)], [String])] = [
        ("a factor refused for its cause", [("cause: code/bug", "cause: Code/Bug")],
         [":12:39: incidents[0].factors[0].cause: 'Code/Bug' is not a cause path; \(causeRule)"]),
        ("a factor refused for its title", [("title: A bug", "title: \"\"")],
         [":12:25: incidents[0].factors[0].title: must not be empty"]),
        ("a factor refused for its id", [("id: f1", "id: F1")],
         [":12:14: incidents[0].factors[0].id: 'F1' is not a valid id; \(idRule)"]),
        ("a factor that is not a mapping", [("{id: f1, title: A bug, cause: code/bug}", "f1")],
         [":12:9: incidents[0].factors[0]: expected a mapping, found a scalar"]),
        ("factors that are not a list", [("    factors:\n      - {id: f1, title: A bug, cause: code/bug}\n", "    factors: f1\n"),
                                         ("      - {id: f2, title: Another, cause: code/other}\n", "")],
         [":11:14: incidents[0].factors: expected a list, found a scalar"]),
        // A factor that is in the file under no id is still reported as unknown.
        ("an unknown factor beside a refused one", [("cause: code/bug", "cause: Code/Bug"), ("[f1, f2]", "[f1, f9]")],
         [":12:39: incidents[0].factors[0].cause: 'Code/Bug' is not a cause path; \(causeRule)",
          ":15:65: incidents[0].actions[0].addresses[1]: no factor 'f9' in this incident; known factors: f2"]),
        ("an action's status refused", [("status: done", "status: finished")],
         [":15:78: incidents[0].actions[0].status: 'finished' is not one of open | in-progress | done | wont-do"]),
        // The impact has no end: it ends at mitigated_at, which is already reported.
        ("mitigated_at before started_at", [("mitigated_at: 2024-03-01T10:20:00Z", "mitigated_at: 2024-03-01T09:20:00Z")],
         [":8:19: incidents[0].mitigated_at: 2024-03-01T09:20:00Z is before started_at 2024-03-01T10:00:00Z"]),
    ]

    @Test func theGoodFileImports() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("good.yaml", Self.good)
        let imported = try sandbox.run("import", "--db", sandbox.file("kb.sqlite"), file)
        #expect(imported.status == 0 && imported.stderr == "", "\(imported)")
        // Everything the cases break is stored when nothing is: one incident with two factors and an action
        // addressing both.
        #expect(try SQLiteShell.count(sandbox.file("kb.sqlite"), "incident") == 1)
        #expect(try SQLiteShell.count(sandbox.file("kb.sqlite"), "factor") == 2)
        #expect(try SQLiteShell.count(sandbox.file("kb.sqlite"), "action") == 1)
        #expect(try SQLiteShell.count(sandbox.file("kb.sqlite"), "action_factor") == 2)
    }

    @Test(arguments: cases.map { $0.0 })
    func onlyTheFieldAtFaultIsReported(kind: String) throws {
        let (_, replacements, lines) = try #require(Self.cases.first(where: { $0.0 == kind }))
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        try sandbox.write("other.yaml", "version: 1\nservices:\n  - {id: other, name: Other}\n")
        #expect(try sandbox.run("import", "--db", db, sandbox.file("other.yaml")).status == 0)
        let before = sandbox.bytes("kb.sqlite")
        var text = Self.good
        for (old, new) in replacements {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = try sandbox.write("bad.yaml", text)
        let result = try sandbox.run("import", "--db", db, file)
        #expect(result.status == 65)
        #expect(result.stderr == lines.map { file + $0 + "\n" }.joined())
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    /// The JSON reader gives the same messages, placed at its own lines and columns.
    @Test func jsonIsReadTheSameWay() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("bad.json", """
            {"version": 1,
             "services": [{"id": "api", "name": "API"}],
             "incidents": [{"id": "outage", "title": "The API fell over", "started_at": "2024-03-01T10:00:00Z",
               "factors": [{"id": "f1", "title": "A bug", "cause": "Code/Bug"}],
               "actions": [{"id": "fix", "title": "Fix it", "kind": "prevent", "addresses": ["f1"],
                            "status": "finished", "completed_at": "2024-03-02T10:00:00Z"}]}]}
            """)
        let result = try sandbox.run("import", "--db", sandbox.file("kb.sqlite"), file)
        #expect(result.status == 65)
        #expect(result.stderr == file + ":4:56: incidents[0].factors[0].cause: 'Code/Bug' is not a cause path; \(Self.causeRule)\n"
                + file + ":6:27: incidents[0].actions[0].status: 'finished' is not one of open | in-progress | done | wont-do\n")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }
}
