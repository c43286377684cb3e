import Foundation
import Testing

/// `followup --by` lists only the groups that have something to count in the period.
struct FollowupGroupTests {
    /// One action of January on `api` (team web), owned by ana, and one of June on `db` (team data),
    /// owned by bo; both open, medium priority.
    static let history = """
        version: 1
        services: [{id: api, name: API, team: web}, {id: db, name: DB, team: data}]
        incidents:
          - id: early
            title: API down
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            impacts: [{service: api}]
            actions: [{id: fix, title: Fix it, kind: prevent, owner: ana}]
          - id: later
            title: DB down
            started_at: 2024-06-01T10:00:00Z
            resolved_at: 2024-06-01T11:00:00Z
            impacts: [{service: db}]
            actions: [{id: fix, title: Fix it, kind: detect, owner: bo}]
        """

    /// Over the first quarter, early/fix was created (10 January) and is open on 31 March, due
    /// 2024-01-10 + 56 days = 2024-03-06, so 25 days overdue (6 → 31 March). later/fix is created
    /// on 1 June: it counts in no figure of the quarter, and neither do its owner, team and kind.
    @Test func groupsOfActionsCreatedAfterThePeriodAreLeftOut() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        try sandbox.write("history.yaml", Self.history)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("history.yaml")).status == 0)

        for (by, label) in [("owner", "ana"), ("team", "web"), ("kind", "prevent")] {
            let result = try sandbox.run("followup", "--db", db, "--since", "2024-01-01", "--until", "2024-03-31", "--by", by,
                                         "--format", "json")
            #expect(result.succeededQuietly, "\(result)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let groups = try #require(document["groups"] as? [[String: Any]])
            #expect(groups.map { $0["group"] as? String } == [label], "\(by): \(result.stdout)")
            #expect(groups.first?["created"] as? Int == 1)
            #expect(groups.first?["open"] as? Int == 1)
            #expect(groups.first?["overdue"] as? Int == 1)
            #expect((groups.first?["overdue_ageing"] as? [String: Any])?["up_to_30_days"] as? Int == 1)
        }
    }
}
