import Foundation
import Testing

/// `actions --service`, `--team`, `--cause` and `--due-by` on a small history built so that each
/// filter leaves out an action the others keep; the expected ids are worked out by hand from the
/// table in ``history``.
struct ActionFilterTests {
    /// Four incidents and nine actions. The due dates in force, the teams and the causes the
    /// actions address:
    ///
    /// | action                        | services            | teams         | cause addressed | due         | status      |
    /// |-------------------------------|---------------------|---------------|-----------------|-------------|-------------|
    /// | cms-cache/flush-cache         | cms-api             | CMS           | cache           | 2024-02-01  | open        |
    /// | cms-cache/key-schema          | cms-api             | CMS           | cache/key       | 2024-03-06* | open        |
    /// | cms-cache/cachet-upgrade      | cms-api             | CMS           | cachet          | 2024-01-20  | open        |
    /// | cms-cache/postmortem-review   | cms-api             | CMS           | (none)          | (none)      | open        |
    /// | images-deploy/stop-hotfixes   | cms-images, billing | CMS, Payments | deploy/hotfix   | 2024-02-20  | done 02-25  |
    /// | images-deploy/expiry-alert    | cms-images, billing | CMS, Payments | cache/expiry    | 2024-03-04* | in-progress |
    /// | billing-config/config-lint    | billing             | Payments      | config          | 2024-03-10  | open        |
    /// | billing-config/cache-warmup   | billing             | Payments      | cache/cold      | 2024-04-30  | open        |
    /// | legacy-cache/retire-legacy    | legacy              | (none)        | cache           | 2024-03-31  | open        |
    ///
    /// `*` derived: key-schema is medium priority, 56 days after cms-cache was resolved on
    /// 2024-01-10 (21 days to 31 January, 29 in February 2024, 6 in March); expiry-alert is high
    /// priority, 28 days after 2024-02-05 (24 to 29 February, 4 in March). postmortem-review is
    /// low priority with no due date written, so it has none. The team Search has a service but
    /// no incident. Every incident's factors include the cause of its actions, and cms-cache has
    /// factors under cache which postmortem-review does not address.
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
              - {id: flush-cache, title: Add a flush button, kind: mitigate, addresses: [flush], owner: ana, priority: high, due: 2024-02-01}
              - {id: key-schema, title: Version the cache keys, kind: prevent, addresses: [key]}
              - {id: cachet-upgrade, title: Upgrade Cachet, kind: process, addresses: [cachet], due: 2024-01-20}
              - {id: postmortem-review, title: Review the postmortem, kind: process, priority: low}
          - id: images-deploy
            title: A hotfix broke images and billing
            started_at: 2024-02-05T08:00:00Z
            resolved_at: 2024-02-05T09:00:00Z
            impacts: [{service: cms-images}, {service: billing}]
            factors:
              - {id: hotfix, title: Hotfix went straight to production, cause: deploy/hotfix}
              - {id: expiry, title: Entries never expired, cause: cache/expiry}
            actions:
              - {id: stop-hotfixes, title: Route hotfixes through staging, kind: prevent, addresses: [hotfix], due: 2024-02-20,
                 status: done, completed_at: 2024-02-25T10:00:00Z}
              - {id: expiry-alert, title: Alert on entries past expiry, kind: detect, addresses: [expiry], priority: high,
                 status: in-progress}
          - id: billing-config
            title: Billing read a stale configuration
            started_at: 2024-03-01T07:00:00Z
            resolved_at: 2024-03-01T08:00:00Z
            impacts: [{service: billing}]
            factors:
              - {id: config, title: Configuration not validated, cause: config}
              - {id: cold, title: Cold cache after restart, cause: cache/cold}
            actions:
              - {id: config-lint, title: Lint configuration in CI, kind: prevent, addresses: [config], due: 2024-03-10}
              - {id: cache-warmup, title: Warm the cache before taking traffic, kind: mitigate, addresses: [cold], due: 2024-04-30}
          - id: legacy-cache
            title: The legacy cache filled up
            started_at: 2024-03-15T07:00:00Z
            resolved_at: 2024-03-15T08:00:00Z
            impacts: [{service: legacy}]
            factors: [{id: full, title: Cache filled up, cause: cache}]
            actions:
              - {id: retire-legacy, title: Retire the legacy cache, kind: prevent, addresses: [full], due: 2024-03-31}
        """

    let sandbox: Sandbox
    let db: String

    init() throws {
        sandbox = try Sandbox()
        db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, try sandbox.write("history.yaml", Self.history))
        try #require(imported.status == 0, "\(imported)")
    }

    private func run(_ arguments: [String]) throws -> BinaryResult {
        try Hindsight.run(["actions"] + arguments + ["--db", db], home: sandbox.path)
    }

    /// The ids `actions arguments…` lists, in its order.
    private func listed(_ arguments: String...) throws -> [String] {
        let output = try run(arguments + ["--format", "json"]).quietOutput()
        let records = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        return records.compactMap { $0["id"] as? String }
    }

    /// The ids `actions arguments…` lists, in any order: without `--as-of` the order depends on today.
    private func listedSet(_ arguments: String...) throws -> Set<String> {
        let output = try run(arguments + ["--format", "json"]).quietOutput()
        let records = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        return Set(records.compactMap { $0["id"] as? String })
    }

    static let flush = "cms-cache/flush-cache", key = "cms-cache/key-schema", cachet = "cms-cache/cachet-upgrade"
    static let review = "cms-cache/postmortem-review", hotfixes = "images-deploy/stop-hotfixes"
    static let expiry = "images-deploy/expiry-alert", lint = "billing-config/config-lint"
    static let warmup = "billing-config/cache-warmup", retire = "legacy-cache/retire-legacy"

    @Test func serviceKeepsTheActionsOfIncidentsThatHitIt() throws {
        // cms-api: only cms-cache hit it. cms-images is CMS's too, but only images-deploy hit it.
        #expect(try listedSet("--service", "cms-api") == [Self.flush, Self.key, Self.cachet, Self.review])
        #expect(try listedSet("--service", "cms-images") == [Self.hotfixes, Self.expiry])
        // billing: images-deploy hit it beside cms-images, billing-config alone.
        #expect(try listedSet("--service", "billing") == [Self.hotfixes, Self.expiry, Self.lint, Self.warmup])
        // Repeated: either service.
        #expect(try listedSet("--service", "cms-images", "--service", "legacy") == [Self.hotfixes, Self.expiry, Self.retire])
        // A service no incident hit is known, so it lists nothing rather than being refused.
        #expect(try listedSet("--service", "search") == [])
    }

    @Test func teamKeepsTheActionsOfIncidentsThatHitOneOfItsServices() throws {
        // CMS owns cms-api and cms-images: cms-cache and images-deploy.
        #expect(try listedSet("--team", "CMS") == [Self.flush, Self.key, Self.cachet, Self.review, Self.hotfixes, Self.expiry])
        // Payments owns billing, which images-deploy hit too: that incident's actions are both teams'.
        #expect(try listedSet("--team", "Payments") == [Self.hotfixes, Self.expiry, Self.lint, Self.warmup])
        // Search has a service but no incident; repeated, the values match any of them.
        #expect(try listedSet("--team", "Search") == [])
        #expect(try listedSet("--team", "Payments", "--team", "Search") == [Self.hotfixes, Self.expiry, Self.lint, Self.warmup])
        // legacy has no team, so retire-legacy belongs to none: every team together still leaves it out.
        #expect(try listedSet("--team", "CMS", "--team", "Payments")
                == [Self.flush, Self.key, Self.cachet, Self.review, Self.hotfixes, Self.expiry, Self.lint, Self.warmup])
    }

    @Test func teamIsTheTeamFollowupGroupsBy() throws {
        // followup --by team counts cms-cache's four actions under CMS, images-deploy's two under
        // "CMS, Payments", billing-config's two under Payments, and retire-legacy under no team: a
        // team's listing is the actions of every group that names it.
        let output = try Hindsight.run(["followup", "--db", db, "--until", "2024-12-31", "--by", "team", "--format", "json"],
                                       home: sandbox.path).quietOutput()
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let groups = try #require(figures["groups"] as? [[String: Any]])
        var created: [String: Int] = [:]
        for group in groups { created[group["group"] as? String ?? "?"] = group["created"] as? Int }
        #expect(created == ["CMS": 4, "CMS, Payments": 2, "Payments": 2, "(no team)": 1])
        #expect(try listedSet("--team", "CMS").count == created["CMS", default: 0] + created["CMS, Payments", default: 0])
        #expect(try listedSet("--team", "Payments").count == created["Payments", default: 0] + created["CMS, Payments", default: 0])
    }

    @Test func causeKeepsTheActionsAddressingAFactorAtOrUnderThePath() throws {
        // cache: the factors caused by cache, cache/key, cache/expiry and cache/cold, in three
        // incidents; not cachet, which only starts with the same letters; not postmortem-review,
        // whose incident has cache factors that it does not address.
        #expect(try listedSet("--cause", "cache") == [Self.flush, Self.key, Self.expiry, Self.warmup, Self.retire])
        #expect(try listedSet("--cause", "cachet") == [Self.cachet])
        #expect(try listedSet("--cause", "cache/key") == [Self.key])
        // A path below any cause given matches nothing: cache/key is not under cache/key/ttl.
        #expect(try listedSet("--cause", "cache/key/ttl") == [])
        #expect(try listedSet("--cause", "cache/key", "--cause", "deploy") == [Self.key, Self.hotfixes])
    }

    @Test func dueByKeepsTheActionsDueOnOrBeforeTheDayWrittenOrDerived() throws {
        // 2024-03-04 is expiry-alert's derived due date, included; key-schema's derived
        // 2024-03-06 is not yet, nor config-lint's 10 March or the later ones.
        #expect(try listedSet("--due-by", "2024-03-04") == [Self.flush, Self.cachet, Self.hotfixes, Self.expiry])
        #expect(try listedSet("--due-by", "2024-03-06") == [Self.flush, Self.cachet, Self.hotfixes, Self.expiry, Self.key])
        #expect(try listedSet("--due-by", "2024-01-19") == [])
        // The last day there is: everything with a due date, so every action but postmortem-review.
        #expect(try listedSet("--due-by", "9999-12-31")
                == [Self.flush, Self.key, Self.cachet, Self.hotfixes, Self.expiry, Self.lint, Self.warmup, Self.retire])
    }

    @Test func theNewFiltersCombineWithEachOtherAndTheOldOnes() throws {
        // CMS's (cms-cache, images-deploy) under cache: flush-cache, key-schema, expiry-alert;
        // warm-up and retire-legacy are under cache but other teams'.
        #expect(try listedSet("--team", "CMS", "--cause", "cache") == [Self.flush, Self.key, Self.expiry])
        // Payments' due by 10 March: not cache-warmup (30 April).
        #expect(try listedSet("--team", "Payments", "--due-by", "2024-03-10") == [Self.hotfixes, Self.expiry, Self.lint])
        // billing's under cache are expiry-alert (in progress) and cache-warmup (open).
        #expect(try listedSet("--service", "billing", "--cause", "cache", "--status", "open") == [Self.warmup])
        #expect(try listedSet("--service", "cms-api", "--team", "Payments") == [])
        // Overdue on 5 March 2024, CMS: cachet-upgrade 45 days (20 January), flush-cache 33 (1
        // February), expiry-alert 1 (4 March); not key-schema (due 6 March), postmortem-review (no
        // due date) or stop-hotfixes (done on 25 February).
        #expect(try listed("--overdue", "--as-of", "2024-03-05", "--team", "CMS") == [Self.cachet, Self.flush, Self.expiry])
        #expect(try listed("--overdue", "--as-of", "2024-03-05", "--team", "CMS", "--cause", "cache") == [Self.flush, Self.expiry])
        #expect(try listed("--overdue", "--as-of", "2024-03-05", "--team", "CMS", "--cause", "cache", "--due-by", "2024-02-29")
                == [Self.flush])
        // On 25 February stop-hotfixes, done that day, was still overdue; config-lint's incident
        // had not started yet, so --as-of leaves it out even with a due date before --due-by.
        #expect(try listed("--overdue", "--as-of", "2024-02-25", "--service", "billing", "--due-by", "2024-03-31")
                == [Self.hotfixes])
        #expect(try listed("--as-of", "2024-02-25", "--service", "billing", "--due-by", "2024-03-31")
                == [Self.hotfixes, Self.expiry])
    }

    /// Runs a refused `actions arguments…`: nothing on standard output, the database's bytes as before.
    private func refused(_ arguments: String...) throws -> BinaryResult {
        let before = sandbox.bytes("kb.sqlite")
        let result = try run(arguments)
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        #expect(sandbox.bytes("kb.sqlite") == before, "\(arguments)")
        return result
    }

    @Test func anUnknownServiceOrTeamIsRefusedAsDataExit65() throws {
        let service = try refused("--service", "nope")
        #expect(service.status == 65)
        // As `incidents --service nope` refuses it.
        #expect(service.stderr == "error: no service with id 'nope'; 'hindsight services' lists them\n")
        let incidents = try Hindsight.run(["incidents", "--service", "nope", "--db", db], home: sandbox.path)
        #expect(incidents.status == 65 && incidents.stderr == service.stderr)
        // Teams are compared as written: cms is not CMS. The known teams are named.
        let team = try refused("--team", "CMS", "--team", "cms")
        #expect(team.status == 65)
        #expect(team.stderr == "error: no service has team 'cms'; the services' teams are CMS, Payments, Search "
                               + "('hindsight services' lists them)\n")
    }

    @Test func aMalformedValueIsRefusedAsUsageExit64() throws {
        let service = try refused("--service", "Billing")
        #expect(service.status == 64)
        #expect(service.stderr.hasPrefix("error: --service: 'Billing' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}"),
                "\(service.stderr)")
        let team = try refused("--team", "")
        #expect(team.status == 64)
        #expect(team.stderr.hasPrefix("error: --team needs a value; it may not be empty\n"), "\(team.stderr)")
        for path in ["Cache", "cache/", ""] {
            let cause = try refused("--cause", path)
            #expect(cause.status == 64)
            #expect(cause.stderr.hasPrefix("error: --cause: '\(path)' is not a cause path; expected segments of lower-case "
                                           + "letters, digits, '.', '_' and '-' joined by '/', e.g. cache/key\n"), "\(cause.stderr)")
        }
        // Every date --as-of refuses, --due-by refuses with the same words.
        for (date, reason) in [("2024-02-30", ": day 30 does not exist in February 2024, which has 29 days\n"),
                               ("0000-01-01", ": year 0 is outside 0001–9999"),
                               ("2024-3-1", "; expected YYYY-MM-DD, e.g. 2019-11-15\n"),
                               ("tomorrow", "; expected YYYY-MM-DD, e.g. 2019-11-15\n")] {
            let dueBy = try refused("--due-by", date)
            #expect(dueBy.status == 64)
            #expect(dueBy.stderr.hasPrefix("error: --due-by: '\(date)' is not a date\(reason)"), "\(dueBy.stderr)")
            let asOf = try run(["--as-of", date])
            #expect(asOf.status == 64)
            #expect(dueBy.stderr == asOf.stderr.replacingOccurrences(of: "--as-of", with: "--due-by"), "\(dueBy.stderr)")
        }
    }
}
