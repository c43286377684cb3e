import Foundation
import Testing

/// Each `--format` of a command says the same thing: what the JSON carries, the CSV carries under
/// the same names, and what the table shows, Markdown and HTML show too. Every expected figure is
/// worked out by hand from the seed postmortems or the file written here.
struct FormatAgreementTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    /// The cells of the first row of `text` (a table, Markdown or HTML) that mentions `service`.
    private func cells(of text: String, row service: String, separator: String) -> [String] {
        let line = text.split(separator: "\n").first { $0.contains(service) }.map(String.init) ?? ""
        return line.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// An open window shows its burn rate in every format, as the JSON gives it: the URL shortener's
    /// year on 1 June 2023 has used 1380 s of 900 s allowed in 151 of 365 days, a burn rate of
    /// (1380 / 900) / (151 / 365) = 503 700 / 135 900 = 3.7064…, shown as 3.71×. An open window owes
    /// no credit yet, so its credit is `–`; a closed one shows its credit and no burn rate.
    @Test func theReportShowsTheBurnRateOfAnOpenWindowInEveryFormat() throws {
        let arguments = ["report", "--db", db, "--year", "2023", "--service", "url-shortener"]
        let open = arguments + ["--as-of", "2023-06-01T00:00:00Z"]

        let table = try Hindsight.run(open, home: sandbox.path).quietOutput()
        let tableRow = table.split(separator: "\n").first { $0.hasPrefix("url-shortener  2023 ") }
            .map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(tableRow.suffix(3) == ["–", "3.71×", "BREACHED"], "\(table)")
        #expect(table.contains("  CREDIT   BURN  STATUS"), "\(table)")

        let markdown = try Hindsight.run(open + ["--format", "markdown"], home: sandbox.path).quietOutput()
        #expect(markdown.contains("| AVAIL | CREDIT | BURN | STATUS |"), "\(markdown)")
        #expect(cells(of: markdown, row: "| url-shortener | 2023 |", separator: "|").suffix(3) == ["–", "3.71×", "BREACHED"],
                "\(markdown)")

        let html = try Hindsight.run(open + ["--format", "html"], home: sandbox.path).quietOutput()
        #expect(html.contains("<th>CREDIT</th><th>BURN</th><th>STATUS</th>"), "\(html)")
        #expect(html.contains(#"<td class="number">–</td><td class="number">3.71×</td><td>BREACHED</td>"#), "\(html)")

        // The closed year: no burn rate, and the credit it owes (none: the SLA has no tiers).
        let closed = try Hindsight.run(arguments, home: sandbox.path).quietOutput()
        let closedRow = closed.split(separator: "\n").first { $0.hasPrefix("url-shortener  2023 ") }
            .map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(closedRow.suffix(3) == ["0%", "–", "BREACHED"], "\(closed)")
    }

    /// The report's CSV carries every field of a JSON window, `objective_percent` among them: the
    /// URL shortener allows 900 s of a 365-day year, 100 × (1 − 900 / 31 536 000) = 99.997146…%.
    @Test func theReportCSVCarriesTheObjectiveOfEachWindow() throws {
        let csv = try sandbox.run("report", "--db", db, "--year", "2023", "--service", "url-shortener", "--format", "csv")
            .quietOutput()
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2, "\(csv)")
        let header = lines[0].components(separatedBy: ",")
        let row = lines.count > 1 ? lines[1].components(separatedBy: ",") : []
        let windowFields = ["window", "timezone", "start", "end", "evaluated_until", "window_seconds",
                            "allowed_downtime_seconds", "downtime_seconds", "budget_remaining_seconds",
                            "budget_consumed_percent", "availability_percent", "breached", "credit_percent", "burn_rate",
                            "label", "objective_percent"]
        #expect(windowFields.allSatisfy(header.contains), "\(header)")
        let column = try #require(header.firstIndex(of: "objective_percent"))
        let objective = try #require(row.indices.contains(column) ? Double(row[column]) : nil)
        #expect(abs(objective - (100 - 90_000.0 / 31_536_000)) < 1e-9)
    }

    /// `incident show --format markdown` names how the incident was detected, its tags and its
    /// source, as the table does, escaped like the rest of the stored text.
    @Test func incidentShowMarkdownHasTheDetectionTagsAndSourceTheTableHas() throws {
        let file = try sandbox.write("tagged.yaml", """
            version: 1
            incidents:
              - id: 2024-05-01-tagged
                title: Tagged
                detection: customer
                started_at: 2024-05-01T10:00:00Z
                resolved_at: 2024-05-01T11:00:00Z
                source: "https://wiki.example/pm?id=1&v=2"
                tags: ["a|b", "<x>", plain]
            """)
        let tagged = sandbox.file("tagged.sqlite")
        _ = try sandbox.run("import", "--db", tagged, file).quietOutput()
        let table = try sandbox.run("incident", "show", "--db", tagged, "2024-05-01-tagged").quietOutput()
        #expect(table.contains("id 2024-05-01-tagged · resolved · detected by customer\n"), "\(table)")
        #expect(table.contains("tags: a|b, <x>, plain\n"), "\(table)")
        #expect(table.contains("source: https://wiki.example/pm?id=1&v=2\n"), "\(table)")

        let markdown = try sandbox.run("incident", "show", "--db", tagged, "--format", "markdown", "2024-05-01-tagged")
            .quietOutput()
        #expect(markdown.contains("**id** `2024-05-01-tagged` · **state** resolved · **detected by** customer\n"), "\(markdown)")
        #expect(markdown.contains("**tags** a\\|b, &lt;x&gt;, plain\n"), "\(markdown)")
        #expect(markdown.contains("**source** https://wiki.example/pm?id=1&amp;v=2\n"), "\(markdown)")
    }

    /// `incident show --format markdown` gives each factor's and action's id, as the table does: its
    /// Repeats table names factors by id, and an action's id is what `action show` is given. It
    /// carries what the table and JSON carry too: a factor's introduction and description, an
    /// action's completion, the factors it addresses and its ticket. In the seed the URL
    /// shortener's trigger is `json-loads-on-file` (code/api-misuse, introduced 2023-05-16, the day
    /// it began: 0 days latent), and `restore-json-load` is its first action (completed
    /// 2023-05-16T14:23:00Z, addressing `json-loads-on-file`, no ticket).
    @Test func incidentShowMarkdownGivesTheIdsOfFactorsAndActions() throws {
        let markdown = try sandbox.run("incident", "show", "--db", db, "--format", "markdown",
                                       "2023-05-16-url-shortener-json-load").quietOutput()
        #expect(markdown.contains("| Id | Factor | Cause | Role | Introduced | Latent for | Description |\n"), "\(markdown)")
        #expect(markdown.contains("| json-loads-on-file | Version 2 parsed the URL store with json.loads on a file handle | "
                                  + "code/api-misuse | trigger | 2023-05-16 | 0 days | One extra letter switched to the "
                                  + "string-parsing function, which cannot read a file object, so the request handler raised on "
                                  + "every call. |\n"), "\(markdown)")
        #expect(markdown.contains("| Id | Action | Kind | Priority | Owner | Due | Status | Closed | Addresses | Ticket |\n"),
                "\(markdown)")
        #expect(markdown.contains("| 2023-05-16-url-shortener-json-load/restore-json-load | Switch back to json.load and push "
                                  + "the corrected app | mitigate | high |  | 2023-06-13* | done | 2023-05-16T14:23:00Z | "
                                  + "json-loads-on-file |  |\n"), "\(markdown)")
    }

    /// An action's ticket, which only the table and JSON of `incident show` gave, is in the Markdown
    /// action's row, escaped as stored text is.
    @Test func incidentShowMarkdownGivesAnActionsTicket() throws {
        let sandbox = try Sandbox()
        let kb = sandbox.file("ticket.sqlite")
        let file = try sandbox.write("ticket.yaml", """
            version: 1
            incidents:
              - id: 2024-05-01-ticketed
                title: Ticketed
                started_at: 2024-05-01T10:00:00Z
                actions:
                  - {id: fix, title: Fix it, kind: prevent, due: 2024-06-01, ticket: "https://tracker.example/OPS-1|2"}
            """)
        _ = try sandbox.run("import", "--db", kb, file).quietOutput()
        let markdown = try sandbox.run("incident", "show", "--db", kb, "--format", "markdown", "2024-05-01-ticketed").quietOutput()
        #expect(markdown.contains("| 2024-05-01-ticketed/fix | Fix it | prevent | medium |  | 2024-06-01 | open (overdue) |  |  | "
                                  + "https://tracker.example/OPS-1\\|2 |\n"), "\(markdown)")
    }

    /// The report's incidents and near misses are dated in its `--tz`, the zone its period's days
    /// are in. The Flask outage began at 2021-02-01T22:23:00Z, 07:23 on 2 February in Tokyo, so a
    /// report of 2 to 28 February in Asia/Tokyo lists it on its first day, not on the UTC day before
    /// the period. The near miss began at 2016-10-12T08:00:00Z, 22:00 on 11 October in Honolulu
    /// (UTC−10), the last day of a report of 1 to 11 October there.
    @Test func theReportDatesIncidentsInItsTimeZone() throws {
        let flask = ["report", "--db", db, "--from", "2021-02-02", "--to", "2021-02-28", "--tz", "Asia/Tokyo"]
        let table = try Hindsight.run(flask, home: sandbox.path).quietOutput()
        #expect(table.contains("    2021-02-02  SEV2       12m       12m  2021-02-01-flask-website-typo-outage"), "\(table)")
        let markdown = try Hindsight.run(flask + ["--format", "markdown"], home: sandbox.path).quietOutput()
        #expect(markdown.contains("|  | 2021-02-02 | SEV2 | 12m | 12m | 2021-02-01-flask-website-typo-outage |"), "\(markdown)")
        let html = try Hindsight.run(flask + ["--format", "html"], home: sandbox.path).quietOutput()
        #expect(html.contains("<td>2021-02-02</td>"), "\(html)")
        #expect(!html.contains("2021-02-01<"), "\(html)")

        let nearMiss = try sandbox.run("report", "--db", db, "--from", "2016-10-01", "--to", "2016-10-11",
                                       "--tz", "Pacific/Honolulu").quietOutput()
        #expect(nearMiss.contains("2016-10-11  SEV5  2016-10-12-falcon-logging-near-miss"), "\(nearMiss)")
    }

    /// The table and Markdown show the availability the JSON gives, cut to four decimals. January
    /// 2019 has 31 × 86 400 = 2 678 400 s; down 44 min 25.008 s = 2 665.008 s of it, which is
    /// 0.000995 of the month, so the availability is exactly 99.9005 %. The nearest `Double` is
    /// a little below 99.9005, and cutting it after four decimals by scaling showed 99.9004 %.
    @Test func theTableShowsTheAvailabilityTheJSONGives() throws {
        let file = try sandbox.write("exact.yaml", """
            version: 1
            services:
              - id: svc
                name: Service
            slas:
              - service: svc
                objective: 99.9
                window: month
                timezone: UTC
            incidents:
              - id: 2019-01-10-down
                title: Down
                started_at: 2019-01-10T00:00:00Z
                resolved_at: 2019-01-10T00:44:25.008Z
                impacts:
                  - service: svc
            """)
        let exact = sandbox.file("exact.sqlite")
        _ = try sandbox.run("import", "--db", exact, file).quietOutput()
        let arguments = ["report", "--db", exact, "--month", "2019-01"]

        let json = try Hindsight.run(arguments + ["--format", "json"], home: sandbox.path).quietOutput()
        #expect(json.contains(#""availability_percent": 99.9005,"#), "\(json)")
        let table = try Hindsight.run(arguments, home: sandbox.path).quietOutput()
        let row = table.split(separator: "\n").first { $0.hasPrefix("svc ") && $0.contains(" 2019-01 ") }
            .map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(row.contains("99.9005%"), "\(table)")
        let markdown = try Hindsight.run(arguments + ["--format", "markdown"], home: sandbox.path).quietOutput()
        #expect(cells(of: markdown, row: "| svc | 2019-01 |", separator: "|").contains("99.9005%"), "\(markdown)")
    }
}
