import Foundation
import Testing

/// `hindsight causes` end to end on ``CauseHistory``, with the figures worked out by hand.
struct CausesCommandTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try CauseHistory.sandbox()
    }

    func tree(_ arguments: String...) throws -> [[String: Any]] {
        let result = try Hindsight.run(["causes", "--db", db, "--format", "json"] + arguments, home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    static func children(_ node: [String: Any]) -> [[String: Any]] { node["children"] as? [[String: Any]] ?? [] }

    /// A defect introduced a fraction of a second after its incident began entered during the
    /// incident: it was never latent, even for the zero whole seconds between the two.
    @Test func aDefectIntroducedWithinASecondAfterTheStartWasNeverLatent() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("instant.sqlite")
        let file = try sandbox.write("instant.yaml", """
            version: 1
            incidents:
              - id: i1
                title: Hot fix at the first second
                started_at: 2024-01-01T10:00:00Z
                factors:
                  - {id: after, title: After, cause: deploy/hotfix, introduced_at: '2024-01-01T10:00:00.500Z'}
                  - {id: before, title: Before, cause: code/bug, introduced_at: '2024-01-01T09:59:59.500Z'}
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        // "after" came 0.5 s after the start: no latent defect under deploy. "before" lay 0.5 s,
        // 0 whole seconds: one latent defect of 0 days under code.
        let result = try sandbox.run("causes", "--db", db, "--format", "json")
        #expect(result.succeededQuietly, "\(result)")
        let roots = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let byCause = Dictionary(uniqueKeysWithValues: roots.map { ($0["cause"] as? String ?? "", $0) })
        #expect(byCause["deploy"]?["latent_defects"] as? Int == 0)
        #expect(byCause["code"]?["latent_defects"] as? Int == 1)
        #expect(byCause["code"]?["latent_max_days"] as? Double == 0)
        let show = try sandbox.run("incident", "show", "--db", db, "i1")
        #expect(show.succeededQuietly, "\(show)")
        #expect(show.stdout.contains("(introduced 2024-01-01T10:00:00.500Z, latent none (introduced after the incident began))"),
                "\(show.stdout)")
        #expect(show.stdout.contains("(introduced 2024-01-01T09:59:59.500Z, latent 0 minutes)"), "\(show.stdout)")
        let json = try sandbox.run("incident", "show", "--db", db, "--format", "json", "i1")
        #expect(json.succeededQuietly, "\(json)")
        let derived = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["derived"] as? [String: Any]
        let ages = derived?["latent_ages"] as? [[String: Any]] ?? []
        // "after" has no age, as it has none in the table and is left out of `causes`.
        #expect(ages.map { $0["latent_age"] is NSNull } == [true, false])
        #expect(ages.map { $0["latent_age"] as? Int } == [nil, 0])
        #expect(ages.map { $0["unit"] as? String } == [nil, "seconds"])
    }

    @Test func wholeHistoryWorkedByHand() throws {
        // i1: api down 10:00–11:00 = 3600 s, two cause paths (cache/key, deploy): 1800 s each.
        // i2: api at 50 % for 30 min = 900 s, one path (cache/key/ttl): 900 s.
        // i3: a near miss, no impact: configuration/flags with 0 s, but one incident.
        let roots = try tree()
        #expect(roots.map { $0["cause"] as? String } == ["cache", "deploy", "configuration"])
        #expect(roots.map { $0["downtime_seconds"] as? Double } == [2700, 1800, 0])
        #expect(roots.map { $0["incidents"] as? Int } == [2, 1, 1])
        let key = try #require(Self.children(roots[0]).first)
        #expect(key["cause"] as? String == "cache/key")
        #expect(key["downtime_seconds"] as? Double == 2700)
        #expect(Self.children(key).map { $0["cause"] as? String } == ["cache/key/ttl"])
        #expect(Self.children(key).first?["downtime_seconds"] as? Double == 900)
        // Latent: i1's key from 2023-01 to 2024-01 is 12 months = 365.2425 days; i2's ttl from
        // 2023-11 to 2024-02 is 3 months = 3 × 30.436875 = 91.310625 days; median of the two
        // (365.2425 + 91.310625) / 2 = 228.2765625; i1's push was introduced the day it started: 0.
        #expect(roots[0]["latent_defects"] as? Int == 2)
        #expect(abs((roots[0]["latent_median_days"] as? Double ?? 0) - 228.2765625) < 1e-9)
        #expect(abs((roots[0]["latent_max_days"] as? Double ?? 0) - 365.2425) < 1e-9)
        #expect(roots[1]["latent_median_days"] as? Double == 0)
        #expect(roots[2]["latent_median_days"] is NSNull)
    }

    @Test func periodCauseSubtreeAndService() throws {
        // From 2024-01-15 on: i2 (900 s under cache/key/ttl) and the near miss i3.
        let since = try tree("--since", "2024-01-15")
        #expect(since.map { $0["cause"] as? String } == ["cache", "configuration"])
        #expect(since.first?["downtime_seconds"] as? Double == 900)
        // --cause shows that node alone, matched by whole segments.
        let subtree = try tree("--cause", "cache/key")
        #expect(subtree.map { $0["cause"] as? String } == ["cache/key"])
        #expect(try tree("--cause", "config").isEmpty)
        #expect(try tree("--service", "web").isEmpty)
    }

    @Test func tableIndentsTheTreeAndSaysTheAgesInWords() throws {
        let result = try sandbox.run("causes", "--db", db)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("CAUSE"))
        // cache: 2700 s = 45m; median 228.28 days = 7.5 months; longest 12 months.
        #expect(lines[2].hasPrefix("cache "))
        #expect(lines[2].contains("45m"))
        #expect(lines[2].hasSuffix("12 months"))
        #expect(lines[3].hasPrefix("  key "))
        #expect(lines[4].hasPrefix("    ttl "))
        #expect(lines[4].hasSuffix("3 months"))
        #expect(lines[5].hasPrefix("deploy "))
        #expect(lines[5].hasSuffix("0 days"))
    }

    /// CSV carries the JSON's values, one row per node with its full path, parents first: seconds
    /// and days as numbers, an empty cell for a median with no latent defect.
    @Test func csvHasOneRowPerNodeWithTheJSONValues() throws {
        let csv = try sandbox.run("causes", "--db", db, "--format", "csv")
        #expect(csv.status == 0)
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "cause,incidents,downtime_seconds,latent_defects,latent_median_days,latent_max_days")
        #expect(rows.map { $0.split(separator: ",").first.map(String.init) ?? "" }
                == ["cause", "cache", "cache/key", "cache/key/ttl", "deploy", "configuration", "configuration/flags", ""])
        // cache: 2700 s over two incidents; its latent ages are checked in JSON above.
        #expect(rows[1].hasPrefix("cache,2,2700,2,"))
        #expect(rows[3].hasPrefix("cache/key/ttl,1,900,1,"))
        // deploy: 1800 s, one defect introduced the day it struck: 0 days.
        #expect(rows[4] == "deploy,1,1800,1,0,0")
        // The near miss's cause has no latent defect: empty median and maximum.
        #expect(rows[5] == "configuration,1,0,0,,")
        #expect(csv.stdout.hasSuffix("\r\n"))
    }

    @Test func agreesWithTheReportOverTheSamePeriod() throws {
        let (demo, demoDB) = try Sandbox.withDemo()
        let report = try demo.run("report", "--db", demoDB, "--from", "2019-10-01", "--to", "2019-12-31", "--format", "json")
        #expect(report.succeededQuietly, "\(report)")
        let reportJSON = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any] ?? [:]
        var expected: [String: Double] = [:]
        for share in reportJSON["causes"] as? [[String: Any]] ?? [] {
            let root = String((share["cause"] as? String ?? "").split(separator: "/").first ?? "")
            expected[root, default: 0] += share["downtime_seconds"] as? Double ?? 0
        }
        #expect(!expected.isEmpty)
        let causes = try Hindsight.run(["causes", "--db", demoDB, "--since", "2019-10-01", "--until", "2019-12-31", "--format", "json"],
                                       home: demo.path)
        #expect(causes.succeededQuietly, "\(causes)")
        let roots = try JSONSerialization.jsonObject(with: Data(causes.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(Set(roots.compactMap { $0["cause"] as? String }) == Set(expected.keys))
        for root in roots {
            let cause = root["cause"] as? String ?? ""
            #expect(abs((root["downtime_seconds"] as? Double ?? -1) - (expected[cause] ?? -2)) < 1e-6, "\(cause)")
        }
    }

    /// Downtime without a recorded cause is not a cause: `report` lists it after the causes, as
    /// `causes` ends its tree with it, even when it is the largest share, in every format.
    @Test func noCauseRecordedComesLastInBothCommands() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        // 10 minutes down with a cause, then an hour with none: the unrecorded share is the larger.
        let file = try sandbox.write("kb.yaml", """
            version: 1
            services:
              - {id: api, name: API}
            incidents:
              - id: 2024-05-01-small
                title: Small
                started_at: 2024-05-01T10:00:00Z
                impacts:
                  - {service: api, start: 2024-05-01T10:00:00Z, end: 2024-05-01T10:10:00Z}
                factors:
                  - {id: bad-key, title: Bad key, cause: cache/key}
              - id: 2024-05-02-large
                title: Large
                started_at: 2024-05-02T10:00:00Z
                impacts:
                  - {service: api, start: 2024-05-02T10:00:00Z, end: 2024-05-02T11:00:00Z}
            """)
        _ = try sandbox.run("import", "--db", db, file).quietOutput()
        let unrecorded = "(no cause recorded)"
        for format in ["table", "markdown", "html", "json"] {
            let report = try sandbox.run("report", "--db", db, "--month", "2024-05", "--format", format).quietOutput()
            let cause = try #require(report.range(of: "cache/key", options: .backwards), "\(format): \(report)")
            let none = try #require(report.range(of: unrecorded), "\(format): \(report)")
            #expect(cause.lowerBound < none.lowerBound, "\(format): \(report)")
        }
        for format in ["table", "markdown", "csv", "json"] {
            let causes = try sandbox.run("causes", "--db", db, "--format", format).quietOutput()
            let cause = try #require(causes.range(of: "cache"), "\(format): \(causes)")
            let none = try #require(causes.range(of: unrecorded), "\(format): \(causes)")
            #expect(cause.lowerBound < none.lowerBound, "\(format): \(causes)")
        }
        // Markdown heads its first column as the table, CSV (`cause`) and JSON do: it called it PATH.
        let markdown = try sandbox.run("causes", "--db", db, "--format", "markdown").quietOutput()
        #expect(markdown.hasPrefix("| CAUSE | INCIDENTS |"), "\(markdown)")
        #expect(markdown.contains("| cache/key | 1 | 10m |"), "\(markdown)")
        let table = try sandbox.run("causes", "--db", db).quietOutput()
        #expect(table.hasPrefix("CAUSE "), "\(table)")
    }
}
