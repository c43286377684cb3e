import Foundation
import Testing

/// An owner, ticket or team written as empty text is refused, as the command line refuses
/// `--owner ""`: an action owned by "" would be nobody's to chase and yet not listed as unowned.
struct EmptyOptionalTextTests {
    /// The values stand on lines 5, 14 and 15; each message points at the value (the column after
    /// `key: `) and says how to write "none". An empty summary is prose and stays accepted, so it
    /// draws no message.
    @Test func anEmptyOwnerTicketOrTeamIsRefusedAtItsValue() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("empty.yaml", """
            version: 1
            services:
              - id: api
                name: API
                team: ""
            incidents:
              - id: 2024-05-01-outage
                title: Outage
                summary: ""
                started_at: 2024-05-01T10:00:00Z
                actions:
                  - id: fix
                    title: Fix it
                    owner: ''
                    ticket: ""
                    kind: prevent
            """)
        let result = try sandbox.run("import", "--db", db, yaml)
        #expect(result.status == 65)
        let advice = ": must not be empty; leave the key out when there is none\n"
        #expect(result.stderr == yaml + ":5:11: services[0].team" + advice
            + yaml + ":14:16: incidents[0].actions[0].owner" + advice
            + yaml + ":15:17: incidents[0].actions[0].ticket" + advice, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    /// The same file with the empty keys left out imports, and the action is one nobody owns.
    @Test func leftOutTheyAreNone() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("none.yaml", """
            version: 1
            services:
              - id: api
                name: API
            incidents:
              - id: 2024-05-01-outage
                title: Outage
                summary: ""
                started_at: 2024-05-01T10:00:00Z
                actions:
                  - id: fix
                    title: Fix it
                    kind: prevent
            """)
        _ = try sandbox.run("import", "--db", db, yaml).quietOutput()
        let unowned = try sandbox.run("actions", "--db", db, "--unowned", "--format", "csv").quietOutput()
        #expect(unowned.components(separatedBy: "\r\n").filter { $0.hasPrefix("2024-05-01-outage/fix,") }.count == 1, "\(unowned)")
    }

    /// An owner an older version stored as "" (before import refused it) names nobody, as a
    /// missing owner does: `--unowned` lists the action, and every listing shows its owner as none.
    @Test func anOwnerStoredEmptyIsNone() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("old.yaml", """
            version: 1
            incidents:
              - id: 2024-05-01-outage
                title: Outage
                started_at: 2024-05-01T10:00:00Z
                actions:
                  - id: emptied
                    title: Owned by the empty name
                    owner: ops
                    kind: prevent
                  - id: missing
                    title: Owned by nobody
                    kind: detect
            """)
        _ = try sandbox.run("import", "--db", db, yaml).quietOutput()
        // Written past the importer, which now refuses it, as a file from an older version holds it.
        let written = try SQLiteShell.query(db, """
            UPDATE action SET owner = '' WHERE id = 'emptied'; SELECT count(*) FROM action WHERE owner = ''
            """)
        try #require(written == "1", "\(written)")

        let unowned = try sandbox.run("actions", "--db", db, "--unowned", "--format", "csv").quietOutput()
        let ids = unowned.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { String($0.prefix { $0 != "," }) }
        #expect(ids.sorted() == ["2024-05-01-outage/emptied", "2024-05-01-outage/missing"], "\(unowned)")

        let json = try sandbox.run("actions", "--db", db, "--format", "json").quietOutput()
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(listed.count == 2)
        for action in listed { #expect(action["owner"] is NSNull, "\(action)") }

        let shown = try sandbox.run("action", "show", "--db", db, "2024-05-01-outage/emptied").quietOutput()
        #expect(shown.contains("\nowner       (none)\n"), "\(shown)")

        // Both in one "(no owner)" group, none under an empty name: group and created count.
        let followup = try sandbox.run("followup", "--db", db, "--by", "owner", "--format", "csv").quietOutput()
        let groups = followup.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",") }
        #expect(groups == ["(no owner),2", "(all),2"], "\(followup)")
    }

    /// A team or ticket an older version stored as "" is none too. Two services, one whose team is
    /// emptied, an incident on each with one action: `followup --by team` puts the emptied one's
    /// action under "(no team)" with the action of the service that never had a team, not under a
    /// group with no name; `services` gives the team as null; `action show` leaves out the ticket
    /// line, as it does for an action that never had a ticket, and JSON gives it as null.
    @Test func aTeamOrTicketStoredEmptyIsNone() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("old.yaml", """
            version: 1
            services:
              - {id: api, name: API, team: ops}
              - {id: web, name: Web, team: web-team}
              - {id: batch, name: Batch}
            incidents:
              - id: 2024-05-01-web
                title: Web down
                started_at: 2024-05-01T10:00:00Z
                impacts: [{service: web}]
                actions: [{id: fix, title: Fix it, kind: prevent, ticket: WEB-1}]
              - id: 2024-05-02-batch
                title: Batch late
                started_at: 2024-05-02T10:00:00Z
                impacts: [{service: batch}]
                actions: [{id: fix, title: Fix it too, kind: detect}]
              - id: 2024-05-03-api
                title: API slow
                started_at: 2024-05-03T10:00:00Z
                impacts: [{service: api}]
                actions: [{id: fix, title: Fix that, kind: detect, ticket: API-1}]
            """)
        _ = try sandbox.run("import", "--db", db, yaml).quietOutput()
        // Written past the importer, which now refuses it, as a file from an older version holds it.
        let written = try SQLiteShell.query(db, """
            UPDATE service SET team = '' WHERE id = 'web';
            UPDATE action SET ticket = '' WHERE title = 'Fix it';
            SELECT (SELECT count(*) FROM service WHERE team = '') + (SELECT count(*) FROM action WHERE ticket = '')
            """)
        try #require(written == "2", "\(written)")

        let followup = try sandbox.run("followup", "--db", db, "--by", "team", "--format", "csv").quietOutput()
        let groups = followup.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",") }
        #expect(groups == ["(no team),2", "ops,1", "(all),3"], "\(followup)")

        let services = try sandbox.run("services", "--db", db, "--format", "json").quietOutput()
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(services.utf8)) as? [[String: Any]])
        let teams = Dictionary(uniqueKeysWithValues: listed.map { ($0["id"] as? String ?? "?", $0["team"] as Any) })
        #expect(teams["web"] is NSNull && teams["batch"] is NSNull && teams["api"] as? String == "ops", "\(services)")

        let emptied = try sandbox.run("action", "show", "--db", db, "2024-05-01-web/fix").quietOutput()
        let never = try sandbox.run("action", "show", "--db", db, "2024-05-02-batch/fix").quietOutput()
        let kept = try sandbox.run("action", "show", "--db", db, "2024-05-03-api/fix").quietOutput()
        #expect(!emptied.contains("ticket") && !never.contains("ticket"), "\(emptied)\n\(never)")
        #expect(kept.contains("\nticket      API-1\n"), "\(kept)")

        let json = try sandbox.run("actions", "--db", db, "--format", "json").quietOutput()
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let tickets = Dictionary(uniqueKeysWithValues: actions.map { ($0["id"] as? String ?? "?", $0["ticket"] as Any) })
        #expect(tickets["2024-05-01-web/fix"] is NSNull && tickets["2024-05-03-api/fix"] as? String == "API-1", "\(json)")
    }
}
