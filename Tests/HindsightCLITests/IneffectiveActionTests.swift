import Foundation
import Testing

/// An action done before its factor repeated is flagged in `action show`, `followup` and the report.
struct IneffectiveActionTests {
    static let history = """
        version: 1
        services: [{id: api, name: API}]
        incidents:
          - id: first
            title: Cache keys collided
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            impacts: [{service: api}]
            factors: [{id: keys, title: Keys collided, cause: cache/key}]
            actions:
              - {id: fix-keys, title: Fix the cache key, kind: prevent, addresses: [keys], status: done, completed_at: 2024-02-01T12:00:00Z}
          - id: second
            title: Cache keys collided again
            started_at: 2024-06-01T10:00:00Z
            resolved_at: 2024-06-01T10:30:00Z
            impacts: [{service: api}]
            factors: [{id: ttl, title: TTL too long, cause: cache/key/ttl}]
        """

    @Test func theDoneActionIsFlaggedEverywhereWithTheRepeatNamed() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        try sandbox.write("history.yaml", Self.history)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("history.yaml")).status == 0)

        // fix-keys was done on 1 February; second/ttl (cache/key/ttl on api, below cache/key)
        // began on 1 June, after it.
        let shown = try sandbox.run("action", "show", "first/fix-keys", "--db", db)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("!! Did not prevent a repeat: factor keys (cache/key) repeated as second/ttl (cache/key/ttl), which began 2024-06-01T10:00:00Z"),
                "\(shown.stdout)")

        let followup = try sandbox.run("followup", "--db", db, "--since", "2024-04-01", "--until", "2024-06-30", "--format", "json")
        #expect(followup.succeededQuietly, "\(followup)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(followup.stdout.utf8)) as? [String: Any])
        let flagged = try #require(figures["did_not_prevent_repeat"] as? [[String: Any]])
        #expect(flagged.map { $0["action"] as? String } == ["first/fix-keys"])
        #expect(flagged.first?["repeat"] as? String == "second/ttl")
        #expect(flagged.first?["last_completed_at"] as? String == "2024-02-01T12:00:00Z")
        #expect((figures["total"] as? [String: Any])?["did_not_prevent_repeat"] as? Int == 1)
        // The first quarter holds no repeat: nothing is flagged there.
        let earlier = try sandbox.run("followup", "--db", db, "--since", "2024-01-01", "--until", "2024-03-31", "--format", "json")
        #expect(earlier.succeededQuietly, "\(earlier)")
        #expect(earlier.stdout.contains("\"did_not_prevent_repeat\": []"))

        let report = try sandbox.run("report", "--db", db, "--quarter", "2024Q2", "--format", "json")
        #expect(report.succeededQuietly, "\(report)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let section = try #require(document["follow_through"] as? [String: Any])
        #expect((section["did_not_prevent_repeat"] as? [[String: Any]])?.first?["action"] as? String == "first/fix-keys")
        let table = try sandbox.run("report", "--db", db, "--quarter", "2024Q2")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("first/fix-keys"))
        #expect(table.stdout.contains("second/ttl"))
    }
}
