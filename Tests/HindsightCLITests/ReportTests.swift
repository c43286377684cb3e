import Foundation
import Testing

/// `hindsight report` and `hindsight budget` run as a user would, on the seed knowledge base;
/// every figure is worked out by hand from the seed postmortems.
struct ReportTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try Hindsight.run(["report", "--db", db, "--format", "json"] + arguments, home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func theURLShortenersYearShows23MinutesAgainst15Allowed() throws {
        let report = try json(["--year", "2023", "--service", "url-shortener"])
        let period = try #require(report["period"] as? [String: Any])
        #expect(period["start"] as? String == "2023-01-01T00:00:00Z")
        #expect(period["end"] as? String == "2024-01-01T00:00:00Z")
        #expect(report["as_of"] as? String == "2024-01-01T00:00:00Z")
        let services = try #require(report["services"] as? [[String: Any]])
        #expect(services.count == 1)
        let shortener = services[0]
        #expect(shortener["service"] as? String == "url-shortener")
        #expect(shortener["period_downtime_seconds"] as? Double == 1_380)
        #expect(shortener["incidents"] as? [String] == ["2023-05-16-url-shortener-json-load"])
        let window = try #require((shortener["windows"] as? [[String: Any]])?.first)
        #expect(window["window"] as? String == "year")
        #expect(window["window_seconds"] as? Double == 31_536_000)
        #expect(window["allowed_downtime_seconds"] as? Double == 900)
        #expect(window["downtime_seconds"] as? Double == 1_380)
        #expect(window["budget_remaining_seconds"] as? Double == -480)   // breached by 8 minutes
        #expect(window["breached"] as? Bool == true)
        #expect(window["credit_percent"] as? Double == 0)
        #expect(window["burn_rate"] is NSNull)   // the year is closed
    }

    /// The URL shortener went down at 14:00 and was mitigated and resolved at 14:23. As of 14:10
    /// neither had happened: the incident is open, 600 s long, and counts in no timing figure.
    @Test func asOfCutsOffTheMitigationAndResolutionThatCameLater() throws {
        let report = try json(["--year", "2023", "--service", "url-shortener", "--as-of", "2023-05-16T14:10:00Z"])
        let incident = try #require((report["incidents"] as? [[String: Any]])?.first)
        #expect(incident["resolved_at"] is NSNull)
        #expect(incident["duration_seconds"] as? Double == 600)
        #expect(incident["downtime_seconds"] as? Double == 600)
        let timing = try #require(report["timing"] as? [String: [String: Any]])
        #expect(timing["time_to_mitigate"]?["incidents"] as? Int == 0)
        #expect(timing["time_to_resolve"]?["incidents"] as? Int == 0)
        let table = try sandbox.run("report", "--db", db, "--year", "2023", "--service", "url-shortener",
                                    "--as-of", "2023-05-16T14:10:00Z")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("SEV2      10m+       10m"), "\(table.stdout)")

        // A minute after them they count: 23 minutes, 1 380 s.
        let later = try json(["--year", "2023", "--service", "url-shortener", "--as-of", "2023-05-16T14:24:00Z"])
        let resolved = try #require((later["incidents"] as? [[String: Any]])?.first)
        #expect(resolved["resolved_at"] as? String == "2023-05-16T14:23:00Z")
        #expect(resolved["duration_seconds"] as? Double == 1_380)
        let laterTiming = try #require(later["timing"] as? [String: [String: Any]])
        #expect(laterTiming["time_to_resolve"]?["median_seconds"] as? Double == 1_380)
    }

    @Test func theTableMakesTheBreachImpossibleToMiss() throws {
        let result = try sandbox.run("report", "--db", db, "--year", "2023")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(6).contains { $0.hasPrefix("!! ") && $0.contains("url-shortener 2023: 23m down, 15m allowed, over by 8m") })
        #expect(lines.contains { $0.hasPrefix("url-shortener") && $0.hasSuffix("BREACHED") })
        #expect(lines.allSatisfy { $0.count <= 100 }, "a line is wider than 100 columns")
    }

    /// The table cuts neither an SLA's rules nor an incident's services: the demo's Flask SLA
    /// counts partial impacts as full, which decides its figures, and an incident that hit three
    /// services names all three. A service without an SLA says so.
    @Test func theTableShowsWholeSLAsAndEveryServiceHit() throws {
        let file = try sandbox.write("three.yaml", """
            version: 1
            services: [{id: payments-gateway, name: P}, {id: notification-service, name: N}, {id: orders-database, name: O}]
            incidents:
              - id: three-services-down
                title: Three services down
                started_at: 2019-11-05T10:00:00Z
                resolved_at: 2019-11-05T10:20:00Z
                impacts: [{service: payments-gateway}, {service: notification-service}, {service: orders-database}]
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let result = try sandbox.run("report", "--db", db, "--quarter", "2019Q4")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("flask-website ") && $0.hasSuffix("  99.9% per month (America/Los_Angeles), partial counts as full") },
                "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("showmax-cms ") && $0.hasSuffix("  99% per month (Europe/Prague), partial counts as full") },
                "\(result.stdout)")
        #expect(lines.contains { $0.contains("  three-services-down  ") && $0.hasSuffix("  notification-service, orders-database, payments-gateway") },
                "\(result.stdout)")
        // A service hit with no SLA says so rather than leaving the cell empty.
        #expect(lines.contains { $0.hasPrefix("orders-database ") && $0.hasSuffix("  none in the period") }, "\(result.stdout)")
        #expect(!result.stdout.contains("…"), "\(result.stdout)")
    }

    @Test func aQuarterInPragueBreachesOctoberAndOwesACredit() throws {
        let report = try json(["--quarter", "2019Q4", "--tz", "Europe/Prague", "--service", "catalogue-api"])
        let section = try #require((report["services"] as? [[String: Any]])?.first)
        // 19:00–20:15 +01:00 at 0.8: 4500 s × 0.8 = 3600 s.
        #expect(section["period_downtime_seconds"] as? Double == 3_600)
        let windows = try #require(section["windows"] as? [[String: Any]])
        #expect(windows.map { $0["label"] as? String } == ["2019-10", "2019-11", "2019-12"])
        // October in Prague: 31 × 86400 + 3600 (the autumn hour) = 2682000 s; 0.1 % is 2682 s,
        // and 3600 s > 2682 s is a breach. Availability 100 × (1 − 3600 / 2682000) = 99.8658…%
        // is below the 99.9 tier but not the 99.0 one: 10 % credit.
        #expect(windows[0]["window_seconds"] as? Double == 2_682_000)
        #expect(windows[0]["allowed_downtime_seconds"] as? Double == 2_682)
        #expect(windows[0]["breached"] as? Bool == true)
        #expect(abs((windows[0]["availability_percent"] as? Double ?? 0) - (100 - 360_000.0 / 2_682_000)) < 1e-12)
        #expect(windows[0]["credit_percent"] as? Double == 10)
        let incidents = try #require(report["incidents"] as? [[String: Any]])
        #expect(incidents.first?["id"] as? String == "2019-10-30-catalogue-elasticsearch-overload")
        #expect(incidents.first?["contributed_to_breach"] as? Bool == true)
        // Detected at 19:01, a minute after it began: 60 s, the only incident's, is the median.
        let timing = try #require(report["timing"] as? [String: Any])
        #expect((timing["time_to_detect"] as? [String: Any])?["median_seconds"] as? Double == 60)
        let causes = try #require(report["causes"] as? [[String: Any]])
        let attributed = causes.compactMap { $0["downtime_seconds"] as? Double }.reduce(0, +)
        #expect(abs(attributed - 3_600) < 1e-6)
    }

    /// The image API's outage of 12 September 2018 had three stages of partial impact, judged
    /// by a quarterly SLA in Prague with credit tiers: weighted, they add up to 1014 s.
    @Test func theImageAPIsStagedOutageIsWeighedStageByStage() throws {
        let report = try json(["--quarter", "2018Q3", "--tz", "Europe/Prague", "--service", "image-api"])
        let section = try #require((report["services"] as? [[String: Any]])?.first)
        // 13:45–15:00 +02:00 at 0.02: 4500 × 0.02 = 90 s; 15:00–16:20 at 0.005: 4800 × 0.005 = 24 s;
        // 16:20–16:35 fully down: 900 s. In all 90 + 24 + 900 = 1014 s.
        #expect(section["period_downtime_seconds"] as? Double == 1_014)
        let windows = try #require(section["windows"] as? [[String: Any]])
        #expect(windows.map { $0["label"] as? String } == ["2018Q3"])
        let quarter = try #require(windows.first)
        // Q3 2018 in Prague: 1 July 00:00 CEST (30 June 22:00 UTC) to 1 October 00:00 CEST (30
        // September 22:00 UTC), no clock change between: 92 days = 7948800 s. 99.5 % leaves 0.5 %
        // of it, 39744 s, allowed; 39744 − 1014 = 38730 s left, 100 × 1014 / 39744 = 2.5513…% used.
        #expect(quarter["start"] as? String == "2018-06-30T22:00:00Z")
        #expect(quarter["end"] as? String == "2018-09-30T22:00:00Z")
        #expect(quarter["window_seconds"] as? Double == 7_948_800)
        #expect(quarter["allowed_downtime_seconds"] as? Double == 39_744)
        #expect(quarter["downtime_seconds"] as? Double == 1_014)
        #expect(quarter["budget_remaining_seconds"] as? Double == 38_730)
        #expect(abs((quarter["budget_consumed_percent"] as? Double ?? 0) - 101_400.0 / 39_744) < 1e-9)
        // Availability 100 × (1 − 1014 / 7948800) = 99.98724…%: above both tiers (99.5, 98), no credit.
        #expect(abs((quarter["availability_percent"] as? Double ?? 0) - (100 - 101_400.0 / 7_948_800)) < 1e-12)
        #expect(quarter["breached"] as? Bool == false)
        #expect(quarter["credit_percent"] as? Double == 0)
    }

    /// The Flask website's SLA is per month in Los Angeles and counts partial impact as full.
    @Test func theFlaskOutageIsJudgedByALosAngelesFebruary() throws {
        let report = try json(["--month", "2021-02", "--tz", "America/Los_Angeles", "--service", "flask-website"])
        let window = try #require(((report["services"] as? [[String: Any]])?.first?["windows"] as? [[String: Any]])?.first)
        // February 2021 in Los Angeles runs from 1 February 00:00 PST (08:00 UTC) to 1 March 00:00
        // PST, before the clocks change on 14 March: 28 × 86400 = 2419200 s. 0.1 % of it is
        // 2419.2 s; 14:23–14:35 PST is 720 s down, which leaves 1699.2 s, and availability is
        // 100 × (1 − 720 / 2419200) = 99.97023…%.
        #expect(window["label"] as? String == "2021-02")
        #expect(window["start"] as? String == "2021-02-01T08:00:00Z")
        #expect(window["end"] as? String == "2021-03-01T08:00:00Z")
        #expect(window["window_seconds"] as? Double == 2_419_200)
        #expect(window["allowed_downtime_seconds"] as? Double == 2_419.2)
        #expect(window["downtime_seconds"] as? Double == 720)
        #expect(window["budget_remaining_seconds"] as? Double == 1_699.2)
        #expect(abs((window["availability_percent"] as? Double ?? 0) - (100 - 72_000.0 / 2_419_200)) < 1e-12)
        #expect(window["breached"] as? Bool == false)
    }

    /// Partial impacts whose figures binary floating point gets wrong in the last digit: the
    /// report prints the decimals worked out by hand.
    @Test func partialImpactsAddUpToTheirDecimalFigures() throws {
        let file = try sandbox.write("partial.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            slas: [{service: web, objective: 99.9, window: quarter, timezone: UTC}]
            incidents:
              - id: slow-a
                title: A slow start
                started_at: 2019-10-02T10:00:00Z
                resolved_at: 2019-10-02T10:06:00Z
                impacts: [{service: web, start: 2019-10-02T10:00:00Z, end: 2019-10-02T10:06:00Z, fraction: 0.7}]
              - id: slow-b
                title: A slow end
                started_at: 2019-11-02T10:00:00Z
                resolved_at: 2019-11-02T10:12:00Z
                impacts: [{service: web, start: 2019-11-02T10:00:00Z, end: 2019-11-02T10:12:00Z, fraction: 0.7}]
            """)
        let imported = try sandbox.run("import", "--db", db, file)
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try Hindsight.run(["report", "--db", db, "--format", "json", "--quarter", "2019Q4", "--service", "web"],
                                       home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        // 0.7 × 360 + 0.7 × 720 = 252 + 504 = 756 s (755.9999999999999 when summed in binary);
        // 99.9 % of the 92-day quarter allows 7948.8 s, leaving 7192.8 s.
        #expect(result.stdout.contains("\"period_downtime_seconds\": 756,"), "\(result.stdout)")
        #expect(result.stdout.contains("\"downtime_seconds\": 756,"))
        #expect(result.stdout.contains("\"budget_remaining_seconds\": 7192.8,"))
        #expect(result.stdout.contains("\"downtime_seconds\": 252,"))
        #expect(result.stdout.contains("\"downtime_seconds\": 504,"))
    }

    /// A credit tier of 2.5 % is owed as 2.5 %, in every format, not rounded to a 3 % nobody owes.
    @Test func aFractionalCreditIsShownAsWritten() throws {
        let file = try sandbox.write("credit.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            slas:
              - {service: web, objective: 99.9, window: month, timezone: UTC,
                 credits: [{below: 99.9, credit_percent: 2.5}, {below: 99.0, credit_percent: 12.5}]}
            incidents:
              - id: hour-down
                title: An hour down
                started_at: 2020-04-10T00:00:00Z
                resolved_at: 2020-04-10T01:00:00Z
                impacts: [{service: web}]
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        // April 2020: 2592000 s; 99.9 % allows 2592 s. 3600 s down: availability
        // 100 × (1 − 3600 / 2592000) = 99.86111…, below 99.9 but not 99.0: the 2.5 % tier.
        let report = try json(["--month", "2020-04", "--service", "web"])
        let window = try #require(((report["services"] as? [[String: Any]])?.first?["windows"] as? [[String: Any]])?.first)
        #expect(window["credit_percent"] as? Double == 2.5)
        let table = try sandbox.run("report", "--db", db, "--month", "2020-04", "--service", "web")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("over by 16m 48s, credit owed 2.5%\n"), "\(table.stdout)")
        #expect(table.stdout.contains("99.8611%    2.5%     –  BREACHED"), "\(table.stdout)")
        let markdown = try sandbox.run("report", "--db", db, "--month", "2020-04", "--service", "web", "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("| 99.8611% | 2.5% | – | BREACHED |"), "\(markdown.stdout)")
    }

    /// A credit tier above the objective is owed by a window within budget: the alert lines name
    /// it with the breaches, not only one cell of the windows table.
    @Test func aCreditOwedWithinBudgetIsAlerted() throws {
        let file = try sandbox.write("credit-within.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            slas:
              - {service: web, allowed_downtime: 1h, window: month, timezone: UTC,
                 credits: [{below: 99.9, credit_percent: 10}]}
            incidents:
              - id: fifty-minutes
                title: Fifty minutes down
                started_at: 2020-04-10T00:00:00Z
                resolved_at: 2020-04-10T00:50:00Z
                impacts: [{service: web}]
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        // April 2020: 2592000 s, 3600 s allowed. 3000 s down is within budget, but availability
        // 100 × (1 − 3000 / 2592000) = 99.884259…% is below the 99.9 % tier: 10 % owed.
        let report = try json(["--month", "2020-04", "--service", "web"])
        let window = try #require(((report["services"] as? [[String: Any]])?.first?["windows"] as? [[String: Any]])?.first)
        #expect(window["breached"] as? Bool == false)
        #expect(window["credit_percent"] as? Double == 10)
        let table = try sandbox.run("report", "--db", db, "--month", "2020-04", "--service", "web")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("""
            No SLA window is breached.
            !! 1 SLA window within budget still owes a credit:
            !! web 2020-04: 50m down, 1h allowed, availability 99.8842%, credit owed 10%\n
            """), "\(table.stdout)")
        let markdown = try sandbox.run("report", "--db", db, "--month", "2020-04", "--service", "web", "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("**web 2020-04: 50m down, 1h allowed, availability 99.8842%, credit owed 10%**"),
                "\(markdown.stdout)")
    }

    /// A month's report made on its 10th, for a weekly SLA: the weeks that begin after the as-of
    /// instant are named in one line instead of a row each, and the JSON keeps every window.
    @Test func windowsNotBegunAreNamedInOneLine() throws {
        let file = try sandbox.write("weekly.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            slas: [{service: web, objective: 99.9, window: week, timezone: UTC}]
            incidents:
              - id: ten-minutes
                title: Ten minutes down
                started_at: 2020-04-07T00:00:00Z
                resolved_at: 2020-04-07T00:10:00Z
                impacts: [{service: web}]
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        // April 2020 meets ISO weeks 14 (from Monday 30 March) to 18 (to Sunday 3 May). As of
        // Friday 10 April noon, weeks 14 and 15 have begun; 16, 17 and 18 have not.
        let arguments = ["report", "--db", db, "--month", "2020-04", "--service", "web", "--as-of", "2020-04-10T12:00:00Z"]
        let table = try Hindsight.run(arguments, home: sandbox.path)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2020-W14"), "\(table.stdout)")
        #expect(table.stdout.contains("2020-W15"), "\(table.stdout)")
        #expect(!table.stdout.contains("not begun"), "\(table.stdout)")
        #expect(table.stdout.contains("Not begun by the as-of instant, so left out above: web 2020-W16 to 2020-W18 (3 weekly windows).\n"),
                "\(table.stdout)")
        let markdown = try Hindsight.run(arguments + ["--format", "markdown"], home: sandbox.path)
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("web 2020-W16 to 2020-W18 (3 weekly windows)"), "\(markdown.stdout)")
        let report = try json(["--month", "2020-04", "--service", "web", "--as-of", "2020-04-10T12:00:00Z"])
        let windows = (report["services"] as? [[String: Any]])?.first?["windows"] as? [[String: Any]] ?? []
        #expect(windows.compactMap { $0["label"] as? String } == ["2020-W14", "2020-W15", "2020-W16", "2020-W17", "2020-W18"])
    }

    /// 99.9 % of March 2020 (2678400 s) allows 2678.4 s; 2678.7 s down is over by 0.3 s, which
    /// the breach line must not round away to "over by 0s".
    @Test func aBreachBelowASecondSaysByHowMuch() throws {
        let file = try sandbox.write("tiny.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            slas: [{service: web, objective: 99.9, window: month, timezone: UTC}]
            incidents:
              - id: just-over
                title: Just over
                started_at: 2020-03-02T00:00:00Z
                resolved_at: 2020-03-02T00:44:38.700Z
                impacts: [{service: web}]
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let table = try sandbox.run("report", "--db", db, "--month", "2020-03", "--service", "web")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("!! web 2020-03: 44m 38s down, 44m 38s allowed, over by 300ms\n"), "\(table.stdout)")
        #expect(table.stdout.contains("44m 38s  -300ms  100.0%"), "\(table.stdout)")
    }

    @Test func nearMissesOfThePeriodAreListed() throws {
        let report = try json(["--year", "2016"])
        let nearMisses = try #require(report["near_misses"] as? [[String: Any]])
        #expect(nearMisses.map { $0["id"] as? String } == ["2016-10-12-falcon-logging-near-miss"])
    }

    /// A near miss needs no impact, so a quarter whose only incident is one has no service to
    /// report; the table, Markdown and HTML list the near miss all the same, as the JSON does.
    @Test func nearMissesAreListedWhenNoServiceIs() throws {
        let file = try sandbox.write("near-miss.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            incidents:
              - id: caught-early
                title: "Caught | early"
                near_miss: true
                severity: SEV4
                started_at: 2019-10-05T10:00:00Z
                resolved_at: 2019-10-05T10:20:00Z
            """)
        let fresh = sandbox.file("near-miss.sqlite")
        #expect(try sandbox.run("import", "--db", fresh, file).status == 0)
        let arguments = ["report", "--db", fresh, "--quarter", "2019Q4"]
        let table = try Hindsight.run(arguments, home: sandbox.path)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("No service has an SLA window or an impact in this period.\n"), "\(table.stdout)")
        #expect(table.stdout.contains("\n2019-10-05  SEV4  caught-early  Caught | early\n"), "\(table.stdout)")
        let markdown = try Hindsight.run(arguments + ["--format", "markdown"], home: sandbox.path)
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("\n| 2019-10-05 | SEV4 | caught-early | Caught \\| early |\n"), "\(markdown.stdout)")
        let html = try Hindsight.run(arguments + ["--format", "html"], home: sandbox.path)
        #expect(html.succeededQuietly, "\(html)")
        #expect(html.stdout.contains("<tr><td>2019-10-05</td><td>SEV4</td><td>caught-early</td><td>Caught | early</td></tr>"),
                "\(html.stdout)")
        let json = try Hindsight.run(arguments + ["--format", "json"], home: sandbox.path)
        #expect(json.succeededQuietly, "\(json)")
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect((document["services"] as? [Any])?.isEmpty == true)
        #expect((document["near_misses"] as? [[String: Any]])?.map { $0["id"] as? String } == ["caught-early"])
    }

    @Test func csvHasOneRowPerServiceWindow() throws {
        let result = try sandbox.run("report", "--db", db, "--year", "2023", "--service", "url-shortener", "--format", "csv")
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("period,service,period_downtime_seconds,window,label"))
        #expect(rows[1].hasPrefix("2023,url-shortener,1380,year,2023,UTC,2023-01-01T00:00:00Z"))
        #expect(rows[1].contains(",900,1380,-480,"))
    }

    @Test func markdownAndHTMLCarryTheSameSections() throws {
        let markdown = try sandbox.run("report", "--db", db, "--year", "2023", "--service", "url-shortener", "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.hasPrefix("## SLA report 2023\n"))
        #expect(markdown.stdout.contains("| url-shortener | 2023 | 15m | 23m | -8m |"))
        #expect(markdown.stdout.contains("**1 SLA window breached:**"))
        let html = try sandbox.run("report", "--db", db, "--year", "2023", "--format", "html")
        #expect(html.succeededQuietly, "\(html)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<td>BREACHED</td>"))
        #expect(html.stdout.contains("<h2>Causes of downtime</h2>"))
    }

    /// The HTML report shows stored text only in its near-miss table, so the hostile title is a
    /// near miss's: as an ordinary incident it was in no cell, and a check that `<script>` is
    /// absent passed whether or not anything was escaped.
    @Test func storedTextIsEscapedInHTML() throws {
        let hostile = try sandbox.write("hostile.yaml", """
            version: 1
            services: [{id: web, name: Web}]
            incidents:
              - id: xss
                title: "<script>alert(1)</script> & friends"
                near_miss: true
                started_at: 2022-03-01T10:00:00Z
                resolved_at: 2022-03-01T10:10:00Z
            """)
        #expect(try sandbox.run("import", "--db", db, hostile).status == 0)
        let html = try sandbox.run("report", "--db", db, "--month", "2022-03", "--format", "html")
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stderr.isEmpty)
        #expect(!html.stdout.contains("<script>"))
        #expect(html.stdout.contains("<td>xss</td><td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends</td>"), "\(html.stdout)")
        let json = try sandbox.run("report", "--db", db, "--month", "2022-03", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("<script>alert(1)</script> & friends"))
    }

    @Test(arguments: [
        (["--quarter", "2019Q5"], "Q1 to Q4", Int32(64)),
        (["--month", "2019-13"], "01 to 12", Int32(64)),
        (["--from", "2019-10-05", "--to", "2019-10-01"], "after --to", Int32(64)),
        (["--from", "2019-10-05"], "--from and --to go together", Int32(64)),
        ([String](), "name the period", Int32(64)),
        (["--quarter", "2019Q4", "--year", "2019"], "only one of", Int32(64)),
        (["--quarter", "2019Q4", "--tz", "Mars/Olympus"], "IANA time zone", Int32(64)),
        (["--quarter", "2019Q4", "--as-of", "2019-12-01"], "RFC 3339", Int32(64)),
        (["--quarter", "2019Q4", "--as-of", "2019-09-01T00:00:00Z"], "not after the start", Int32(64)),
        (["--quarter", "2019Q4", "--service", "no-such-service"], "no service with id 'no-such-service'", Int32(65)),
        // Samoa went from 29 to 31 December 2011: the 30th has no time there, rather than not having begun.
        (["--from", "2011-12-30", "--to", "2011-12-30", "--tz", "Pacific/Apia"],
         "the period 2011-12-30..2011-12-30 has no time in Pacific/Apia: its clocks skipped that day", Int32(64)),
    ])
    func badInputSaysWhatWouldBeAccepted(arguments: [String], message: String, status: Int32) throws {
        let result = try Hindsight.run(["report", "--db", db] + arguments, home: sandbox.path)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func budgetProjectsWhenTheBudgetRunsOut() throws {
        let result = try sandbox.run("budget", "--db", db, "--service", "url-shortener", "--as-of", "2023-06-01T00:00:00Z",
                                     "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let statuses = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let status = try #require(statuses.first)
        #expect(status["label"] as? String == "2023")
        #expect(status["downtime_seconds"] as? Double == 1_380)
        #expect(status["outlook"] as? String == "exhausted")
        #expect(status["budget_runs_out_at"] as? String == "2023-05-16T14:15:00Z")   // 900 s into the outage
        // Burn: (1380 / 900) / (151 days / 365 days) = 1380 × 365 / (900 × 151).
        #expect(abs((status["burn_rate"] as? Double ?? 0) - 1_380.0 * 365 / (900 * 151)) < 1e-9)

        let table = try sandbox.run("budget", "--db", db, "--as-of", "2023-06-01T00:00:00Z")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("EXHAUSTED 2023-05-16 14:15"))
        let unknown = try sandbox.run("budget", "--db", db, "--service", "nope")
        #expect(unknown.status == 65)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no service with id 'nope'"), "\(unknown.stderr)")
        let badInstant = try sandbox.run("budget", "--db", db, "--as-of", "yesterday")
        #expect(badInstant.status == 64)
        #expect(badInstant.stderr.contains("--as-of"))
    }

    /// The catalogue API's October window is in Prague time, but its budget ran out at 18:55:52.5
    /// UTC (2682 s allowed at 0.8 from 18:00 UTC, that is 19:55 in Prague): the table says the
    /// instant is UTC, since nothing else on the line does.
    @Test func budgetTableSaysItsInstantsAreUTC() throws {
        let table = try sandbox.run("budget", "--db", db, "--service", "catalogue-api", "--as-of", "2019-10-31T00:00:00Z")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("RUNS OUT (UTC)") == true, "\(table.stdout)")
        #expect(lines.last?.hasSuffix("EXHAUSTED 2019-10-30 18:55") == true, "\(table.stdout)")
    }

    /// With no window open at the instant, `budget` says why for each SLA instead of claiming
    /// that none exists: one whose first window starts later, one whose last window ended, one
    /// that judges no window at all, and a service with no SLA. That is no error: exit 0.
    @Test func budgetWithNoWindowOpenSaysWhenTheSLAsWindowsStartOrEnded() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("slas.yaml", """
            version: 1
            services:
              - {id: api, name: API}
              - {id: web, name: Web}
              - {id: bare, name: Bare}
            slas:
              - {service: api, objective: 99.9, window: month, effective_from: 2024-03-15}
              - {service: web, objective: 99.9, window: quarter, timezone: Europe/Berlin, effective_from: 2023-01-01, effective_until: 2023-06-30}
              - {service: web, objective: 99.5, window: month, effective_from: 2024-05-10, effective_until: 2024-05-20}
            """)
        let db = sandbox.file("kb.sqlite")
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let result = try sandbox.run("budget", "--db", db, "--as-of", "2024-03-20T00:00:00Z")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("No SLA is in force"))
        // api's SLA begins mid-March, so March belongs to no SLA and April is its first month.
        // web's quarters ran to 1 July 2023 00:00 in Berlin (UTC+2 then); its May SLA covers no month's first day.
        #expect(result.stderr == """
            No SLA has a window open at 2024-03-20T00:00:00Z:
              api: the SLA from 2024-03-15 judges month windows from month 2024-04, which starts at 2024-04-01T00:00:00Z (a window is judged by the SLA in force on its first day)
              web: the SLA from 2023-01-01 until 2023-06-30 judged quarter windows up to quarter 2023Q2, which ended at 2023-06-30T22:00:00Z
              web: the SLA from 2024-05-10 until 2024-05-20 judges no window: none of its month windows starts while it is in force

            """)
        let bare = try sandbox.run("budget", "--db", db, "--service", "bare", "--as-of", "2024-03-20T00:00:00Z")
        #expect(bare.status == 0)
        #expect(bare.stderr == "No SLA is recorded for bare; add one with 'hindsight sla add' or an import.\n")
    }

    /// When some windows are listed, a service with no window open is not just missing from the
    /// table: standard error says why, SLA by SLA, and names a service `--service` asked for that
    /// has no SLA. A service listed is not explained, even with an SLA of its that is over; JSON
    /// and CSV stay as they were, with nothing on standard error.
    @Test func budgetSaysWhyAServiceWithNoWindowOpenIsNotListed() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("slas.yaml", """
            version: 1
            services:
              - {id: api, name: API}
              - {id: bare, name: Bare}
              - {id: live, name: Live}
              - {id: web, name: Web}
            slas:
              - {service: api, objective: 99.9, window: month, effective_from: 2024-03-15}
              - {service: live, objective: 99.0, window: month, effective_until: 2023-12-31}
              - {service: live, objective: 99.9, window: month, effective_from: 2024-01-01}
              - {service: web, objective: 99.9, window: month, effective_until: 2024-02-29}
              - {service: web, objective: 99.5, window: quarter, effective_from: 2024-03-01}
            """)
        let db = sandbox.file("kb.sqlite")
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let asOf = ["--db", db, "--as-of", "2024-03-20T00:00:00Z"]
        let table = try Hindsight.run(["budget"] + asOf, home: sandbox.path)
        #expect(table.status == 0)
        // A heading, its rule, then one row.
        #expect(table.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").first } == ["live"])
        // api's first month is April (it begins mid-March); web's months ended with February
        // and its quarters begin with the second (March is inside the first quarter).
        #expect(table.stderr == """
            No window is open at 2024-03-20T00:00:00Z for these services, so they are not listed:
              api: the SLA from 2024-03-15 judges month windows from month 2024-04, which starts at 2024-04-01T00:00:00Z (a window is judged by the SLA in force on its first day)
              web: the SLA until 2024-02-29 judged month windows up to month 2024-02, which ended at 2024-03-01T00:00:00Z
              web: the SLA from 2024-03-01 judges quarter windows from quarter 2024Q2, which starts at 2024-04-01T00:00:00Z (a window is judged by the SLA in force on its first day)

            """)
        for format in ["json", "csv"] {
            let result = try Hindsight.run(["budget", "--format", format] + asOf, home: sandbox.path)
            #expect(result.status == 0, "\(format)")
            #expect(result.stderr.isEmpty, "\(format)")
            #expect(result.stdout.contains("live") && !result.stdout.contains("api"), "\(format)")
        }
        let named = try Hindsight.run(["budget", "--service", "live", "--service", "bare"] + asOf, home: sandbox.path)
        #expect(named.status == 0)
        #expect(named.stderr == """
            No window is open at 2024-03-20T00:00:00Z for these services, so they are not listed:
              bare: no SLA is recorded

            """)
        let onlyListed = try Hindsight.run(["budget", "--service", "live"] + asOf, home: sandbox.path)
        #expect(onlyListed.status == 0)
        #expect(onlyListed.stderr.isEmpty)
        // With no window open at all, a service asked for without an SLA is named too.
        let none = try Hindsight.run(["budget", "--service", "api", "--service", "bare"] + asOf, home: sandbox.path)
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == """
            No SLA has a window open at 2024-03-20T00:00:00Z:
              api: the SLA from 2024-03-15 judges month windows from month 2024-04, which starts at 2024-04-01T00:00:00Z (a window is judged by the SLA in force on its first day)
              bare: no SLA is recorded

            """)
    }
}
