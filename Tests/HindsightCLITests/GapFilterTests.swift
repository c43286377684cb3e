import Foundation
import Testing

/// `gaps --service`, `--team` and `--cause` on a small history built so that each filter leaves
/// out a gap the others keep; the expected gaps are worked out by hand from the table in
/// ``history``. Every run gives `--as-of`: without it, which incidents are past their 30 days
/// depends on today.
struct GapFilterTests {
    /// Five incidents; only cms-cache has an action (flush-cache, addressing its factor flush).
    ///
    /// | incident       | started    | services            | teams         | unaddressed factors (cause)                    |
    /// |----------------|------------|---------------------|---------------|------------------------------------------------|
    /// | cms-cache      | 2024-01-10 | cms-api             | CMS           | key (cache/key), cachet (cachet)               |
    /// | images-deploy  | 2024-02-05 | cms-images, billing | CMS, Payments | hotfix (deploy/hotfix), expiry (cache/expiry)  |
    /// | billing-config | 2024-03-01 | billing             | Payments      | config (config)                                |
    /// | cachet-outage  | 2024-03-20 | cms-api             | CMS           | status (cachet)                                |
    /// | legacy-cache   | 2024-04-10 | legacy              | (none)        | full (cache)                                   |
    ///
    /// On 2024-06-30 every incident had started and the four without actions are more than 30 days
    /// old (legacy-cache, the latest, 81 days), so each is an incident without actions. On
    /// 2024-03-15 cachet-outage and legacy-cache had not started; images-deploy was 39 days old,
    /// billing-config 14, so only images-deploy is. The team Search has a service but no incident.
    static let history = """
        version: 1
        services:
          - {id: cms-api, name: CMS API, team: CMS}
          - {id: cms-images, name: CMS images, team: CMS}
          - {id: billing, name: Billing, team: Payments}
          - {id: legacy, name: Legacy}
          - {id: search, name: Search, team: Search}
        incidents:
          - id: cms-cache
            title: Stale pages from the cache
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T12:00:00Z
            impacts: [{service: cms-api}]
            factors:
              - {id: flush, title: No way to flush, cause: cache}
              - {id: key, title: Keys collided, cause: cache/key}
              - {id: cachet, title: Old Cachet status page, cause: cachet}
            actions:
              - {id: flush-cache, title: Add a flush button, kind: mitigate, addresses: [flush]}
          - id: images-deploy
            title: A hotfix broke images and billing
            started_at: 2024-02-05T08:00:00Z
            resolved_at: 2024-02-05T09:00:00Z
            impacts: [{service: cms-images}, {service: billing}]
            factors:
              - {id: hotfix, title: Hotfix went straight to production, cause: deploy/hotfix}
              - {id: expiry, title: Entries never expired, cause: cache/expiry}
          - id: billing-config
            title: Billing read a stale configuration
            started_at: 2024-03-01T07:00:00Z
            resolved_at: 2024-03-01T08:00:00Z
            impacts: [{service: billing}]
            factors: [{id: config, title: Configuration not validated, cause: config}]
          - id: cachet-outage
            title: The status page was down
            started_at: 2024-03-20T07:00:00Z
            resolved_at: 2024-03-20T08:00:00Z
            impacts: [{service: cms-api}]
            factors: [{id: status, title: Cachet ran out of disk, cause: cachet}]
          - id: legacy-cache
            title: The legacy cache filled up
            started_at: 2024-04-10T07:00:00Z
            resolved_at: 2024-04-10T08:00:00Z
            impacts: [{service: legacy}]
            factors: [{id: full, title: Cache filled up, cause: cache}]
        """

    let sandbox: Sandbox
    let db: String

    init() throws {
        sandbox = try Sandbox()
        db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, try sandbox.write("history.yaml", Self.history))
        try #require(imported.status == 0, "\(imported)")
    }

    private func run(_ command: String, _ arguments: [String]) throws -> BinaryResult {
        try Hindsight.run([command] + arguments + ["--db", db], home: sandbox.path)
    }

    /// The unaddressed factors (as `incident/factor`) and the incidents without actions that
    /// `gaps arguments…` lists, in its order.
    private func gaps(_ arguments: String...) throws -> Gaps {
        let output = try run("gaps", arguments + ["--format", "json"]).quietOutput()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let factors = try #require(root["unaddressed_factors"] as? [[String: Any]])
        let incidents = try #require(root["incidents_without_actions"] as? [[String: Any]])
        return Gaps(factors: factors.map { "\($0["incident"] ?? "?")/\($0["factor"] ?? "?")" },
                    incidents: incidents.map { "\($0["incident"] ?? "?")" })
    }

    /// What `gaps` lists, in the terms of the table in ``history``.
    struct Gaps: Equatable, CustomStringConvertible {
        let factors: [String]
        let incidents: [String]
        var description: String { "factors \(factors), incidents \(incidents)" }
    }

    @Test func serviceKeepsTheGapsOfIncidentsThatHitIt() throws {
        // The baseline the filters narrow: cms-cache/flush is the only factor addressed.
        #expect(try gaps("--as-of", "2024-06-30")
                == Gaps(factors: ["cms-cache/key", "cms-cache/cachet", "images-deploy/hotfix", "images-deploy/expiry",
                                  "billing-config/config", "cachet-outage/status", "legacy-cache/full"],
                        incidents: ["images-deploy", "billing-config", "cachet-outage", "legacy-cache"]))
        // cms-api: cms-cache (which has an action, so only its factors) and cachet-outage.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "cms-api")
                == Gaps(factors: ["cms-cache/key", "cms-cache/cachet", "cachet-outage/status"], incidents: ["cachet-outage"]))
        // billing: images-deploy hit it beside cms-images, billing-config alone.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "billing")
                == Gaps(factors: ["images-deploy/hotfix", "images-deploy/expiry", "billing-config/config"],
                        incidents: ["images-deploy", "billing-config"]))
        // Repeated: either service.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "cms-images", "--service", "legacy")
                == Gaps(factors: ["images-deploy/hotfix", "images-deploy/expiry", "legacy-cache/full"],
                        incidents: ["images-deploy", "legacy-cache"]))
        // A service no incident hit is known, so it lists nothing rather than being refused.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "search") == Gaps(factors: [], incidents: []))
        // The incidents `incidents --service billing` lists are the ones whose gaps were kept.
        let incidents = try run("incidents", ["--service", "billing", "--format", "json"]).quietOutput()
        let records = try #require(try JSONSerialization.jsonObject(with: Data(incidents.utf8)) as? [[String: Any]])
        #expect(Set(records.compactMap { $0["id"] as? String }) == ["images-deploy", "billing-config"])
    }

    @Test func teamKeepsTheGapsOfIncidentsThatHitOneOfItsServices() throws {
        // CMS owns cms-api and cms-images: cms-cache, images-deploy and cachet-outage.
        #expect(try gaps("--as-of", "2024-06-30", "--team", "CMS")
                == Gaps(factors: ["cms-cache/key", "cms-cache/cachet", "images-deploy/hotfix", "images-deploy/expiry",
                                  "cachet-outage/status"],
                        incidents: ["images-deploy", "cachet-outage"]))
        // Payments owns billing, which images-deploy hit too: that incident's gaps are both teams'.
        let payments = Gaps(factors: ["images-deploy/hotfix", "images-deploy/expiry", "billing-config/config"],
                            incidents: ["images-deploy", "billing-config"])
        #expect(try gaps("--as-of", "2024-06-30", "--team", "Payments") == payments)
        // Search has a service but no incident; repeated, the values match any of them.
        #expect(try gaps("--as-of", "2024-06-30", "--team", "Search") == Gaps(factors: [], incidents: []))
        #expect(try gaps("--as-of", "2024-06-30", "--team", "Payments", "--team", "Search") == payments)
        // legacy has no team, so legacy-cache belongs to none: every team together still leaves it
        // out, and images-deploy, of both, is listed once.
        #expect(try gaps("--as-of", "2024-06-30", "--team", "CMS", "--team", "Payments")
                == Gaps(factors: ["cms-cache/key", "cms-cache/cachet", "images-deploy/hotfix", "images-deploy/expiry",
                                  "billing-config/config", "cachet-outage/status"],
                        incidents: ["images-deploy", "billing-config", "cachet-outage"]))
    }

    @Test func causeKeepsFactorsUnderThePathAndIncidentsWithSuchAFactor() throws {
        // cache: the factors caused by cache/key, cache/expiry and cache; not the two cachet ones,
        // which only start with the same letters, nor cms-cache/flush (cache), which is addressed.
        // Of the incidents without actions, images-deploy (cache/expiry) and legacy-cache (cache):
        // not cachet-outage (cachet only) nor billing-config (config).
        #expect(try gaps("--as-of", "2024-06-30", "--cause", "cache")
                == Gaps(factors: ["cms-cache/key", "images-deploy/expiry", "legacy-cache/full"],
                        incidents: ["images-deploy", "legacy-cache"]))
        #expect(try gaps("--as-of", "2024-06-30", "--cause", "cachet")
                == Gaps(factors: ["cms-cache/cachet", "cachet-outage/status"], incidents: ["cachet-outage"]))
        // cms-cache has an action, so its factor under cache/key is a gap but the incident is not.
        #expect(try gaps("--as-of", "2024-06-30", "--cause", "cache/key") == Gaps(factors: ["cms-cache/key"], incidents: []))
        // A path below every cause matches nothing: cache/key is not under cache/key/ttl.
        #expect(try gaps("--as-of", "2024-06-30", "--cause", "cache/key/ttl") == Gaps(factors: [], incidents: []))
        // Repeated: either path; images-deploy is listed for its hotfix under deploy.
        #expect(try gaps("--as-of", "2024-06-30", "--cause", "cache/key", "--cause", "deploy")
                == Gaps(factors: ["cms-cache/key", "images-deploy/hotfix"], incidents: ["images-deploy"]))
    }

    @Test func theFiltersCombineWithEachOtherAndWithAsOf() throws {
        // CMS's incidents (cms-cache, images-deploy, cachet-outage) under cache: not legacy-cache's.
        #expect(try gaps("--as-of", "2024-06-30", "--team", "CMS", "--cause", "cache")
                == Gaps(factors: ["cms-cache/key", "images-deploy/expiry"], incidents: ["images-deploy"]))
        // billing's under deploy: images-deploy's hotfix; billing-config has no such factor.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "billing", "--cause", "deploy")
                == Gaps(factors: ["images-deploy/hotfix"], incidents: ["images-deploy"]))
        // No incident hit cms-api and a service of Payments.
        #expect(try gaps("--as-of", "2024-06-30", "--service", "cms-api", "--team", "Payments") == Gaps(factors: [], incidents: []))
        // On 15 March cachet-outage had not started, and of CMS's incidents only images-deploy
        // (39 days old) had none of its 30 days left.
        #expect(try gaps("--as-of", "2024-03-15", "--team", "CMS")
                == Gaps(factors: ["cms-cache/key", "cms-cache/cachet", "images-deploy/hotfix", "images-deploy/expiry"],
                        incidents: ["images-deploy"]))
        // legacy-cache had not started: under cache, only the factors of the first two incidents.
        #expect(try gaps("--as-of", "2024-03-15", "--cause", "cache")
                == Gaps(factors: ["cms-cache/key", "images-deploy/expiry"], incidents: ["images-deploy"]))
        // billing-config, 14 days old, shows its factor but is not yet an incident without actions.
        #expect(try gaps("--as-of", "2024-03-15", "--service", "billing", "--service", "cms-api", "--cause", "config")
                == Gaps(factors: ["billing-config/config"], incidents: []))
        // On 6 March images-deploy was exactly 30 days old: still within its grace.
        #expect(try gaps("--as-of", "2024-03-06", "--team", "Payments")
                == Gaps(factors: ["images-deploy/hotfix", "images-deploy/expiry", "billing-config/config"], incidents: []))
    }

    @Test func theTableAndCSVShowTheSameNarrowedGaps() throws {
        // The CSV's rows are the JSON's, factors then incidents, each line ended by CR LF.
        let csv = try run("gaps", ["--as-of", "2024-06-30", "--team", "CMS", "--cause", "cache", "--format", "csv"]).quietOutput()
        #expect(csv == ["gap,incident,factor,cause,role,title,started_at",
                        "factor,cms-cache,key,cache/key,contributing,Keys collided,",
                        "factor,images-deploy,expiry,cache/expiry,contributing,Entries never expired,",
                        "incident,images-deploy,,,,A hotfix broke images and billing,2024-02-05T08:00:00Z"]
                        .map { $0 + "\r\n" }.joined())
        // Nothing of Search's is a gap: both sections say so.
        let table = try run("gaps", ["--as-of", "2024-06-30", "--team", "Search"]).quietOutput()
        #expect(table.contains("None: every factor has an action."), "\(table)")
        #expect(table.contains("None."), "\(table)")
        #expect(!table.contains("cms-cache"), "\(table)")
    }

    /// Runs a refused `gaps arguments…`: nothing on standard output, the database's bytes as before.
    private func refused(_ arguments: String...) throws -> BinaryResult {
        let before = sandbox.bytes("kb.sqlite")
        let result = try run("gaps", arguments)
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        #expect(sandbox.bytes("kb.sqlite") == before, "\(arguments)")
        return result
    }

    @Test func anUnknownServiceOrTeamIsRefusedAsDataExit65AsActionsRefusesIt() throws {
        let service = try refused("--service", "billing", "--service", "nope")
        #expect(service.status == 65)
        #expect(service.stderr == "error: no service with id 'nope'; 'hindsight services' lists them\n")
        let actions = try run("actions", ["--service", "nope"])
        #expect(actions.status == 65 && actions.stderr == service.stderr)
        // Teams are compared as written: cms is not CMS. The known teams are named.
        let team = try refused("--team", "CMS", "--team", "cms", "--as-of", "2024-06-30")
        #expect(team.status == 65)
        #expect(team.stderr == "error: no service has team 'cms'; the services' teams are CMS, Payments, Search "
                               + "('hindsight services' lists them)\n")
        let actionsTeam = try run("actions", ["--team", "cms"])
        #expect(actionsTeam.status == 65 && actionsTeam.stderr == team.stderr)
    }

    @Test func aMalformedValueIsRefusedAsUsageExit64AsActionsRefusesIt() throws {
        let usage = "Usage: hindsight gaps [--db <path>] [--format <format>] [--as-of <date>] [--service <id> ...] "
            + "[--team <name> ...] [--cause <path> ...]\n  See 'hindsight gaps --help' for more information.\n"
        var refusals: [([String], String)] = [
            (["--service", "Billing"], "error: --service: 'Billing' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: "
             + "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters\n"),
            // Malformed is refused before the knowledge base is asked whether the team exists.
            (["--team", "nope", "--team", ""], "error: --team needs a value; it may not be empty\n"),
        ]
        for path in ["Cache", "cache/", ""] {
            refusals.append((["--cause", "cache", "--cause", path], "error: --cause: '\(path)' is not a cause path; expected "
                             + "segments of lower-case letters, digits, '.', '_' and '-' joined by '/', e.g. cache/key\n"))
        }
        for (arguments, message) in refusals {
            let before = sandbox.bytes("kb.sqlite")
            let result = try run("gaps", arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            #expect(sandbox.bytes("kb.sqlite") == before, "\(arguments)")
            #expect(result.stderr == message + usage, "\(arguments): \(result.stderr)")
            // actions says the same first line, then its own usage.
            let actions = try run("actions", arguments)
            #expect(actions.status == 64 && actions.stderr.hasPrefix(message), "\(arguments): \(actions.stderr)")
        }
    }
}
