import Foundation
import Testing

/// Listings over the seed knowledge base, checked against facts of the seed postmortems.
struct ListingTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    func incidentIDs(_ arguments: String...) throws -> [String] {
        let result = try Hindsight.run(["incidents", "--db", db, "--format", "json"] + arguments, home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return json.compactMap { $0["id"] as? String }
    }

    @Test func jsonCarriesTheContractedFields() throws {
        let result = try sandbox.run("incidents", "--db", db, "--format", "json")
        #expect(result.succeededQuietly, "\(result)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(json.count == 5)
        let shortener = try #require(json.first { ($0["id"] as? String) == "2023-05-16-url-shortener-json-load" })
        #expect(shortener["state"] as? String == "resolved")
        #expect(shortener["started_at"] as? String == "2023-05-16T14:00:00Z")
        #expect(shortener["title"] is String)
    }

    @Test func filtersByCauseServiceDateTagAndSeverity() throws {
        // Two Showmax outages involved caching: the Varnish keys of 2019 and the stale overlay links of 2018.
        let cache = try incidentIDs("--cause", "cache")
        #expect(cache.contains("2019-10-30-catalogue-elasticsearch-overload"))
        #expect(try incidentIDs("--service", "url-shortener") == ["2023-05-16-url-shortener-json-load"])
        #expect(try incidentIDs("--since", "2021-01-01") == ["2021-02-01-flask-website-typo-outage", "2023-05-16-url-shortener-json-load"])
        #expect(try incidentIDs("--until", "2016-12-31") == ["2016-10-12-falcon-logging-near-miss"])
        #expect(try incidentIDs("--severity", "SEV1") == ["2019-10-30-catalogue-elasticsearch-overload"])
        #expect(try incidentIDs("--tag", "no-such-tag") == [])
    }

    @Test func tableCsvAndMarkdownFormats() throws {
        let table = try sandbox.run("incidents", "--db", db)
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("STARTED (UTC)"))
        #expect(table.stdout.contains("2023-05-16 14:00"))
        let csv = try sandbox.run("incidents", "--db", db, "--format", "csv")
        #expect(csv.succeededQuietly, "\(csv)")
        #expect(csv.stdout.hasPrefix("id,title,severity,near_miss,started_at,mitigated_at,resolved_at,state,services,causes,tags\r\n"))
        #expect(csv.stdout.split(separator: "\r\n").count == 6)
        let markdown = try sandbox.run("services", "--db", db, "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.hasPrefix("| SERVICE | NAME |"))
        #expect(markdown.stdout.contains("| url-shortener |"))
    }

    /// Every listing's CSV is its JSON flattened: the same field names as the header, the same
    /// values in the cells, and the header alone when nothing matches.
    @Test(arguments: [
        ["incidents"], ["actions", "--as-of", "2024-01-01"], ["services"], ["search", "health"],
        ["similar", "2023-05-16-url-shortener-json-load"], ["budget", "--as-of", "2024-01-01T00:00:00Z"], ["doctor"], ["causes"],
    ])
    func csvHasTheJSONFieldsAsItsHeader(command: [String]) throws {
        let json = try Hindsight.run(command + ["--db", db, "--format", "json"], home: sandbox.path)
        #expect(json.succeededQuietly, "\(json)")
        let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        let first = try #require(records.first, "\(json.stdout)")
        let csv = try Hindsight.run(command + ["--db", db, "--format", "csv"], home: sandbox.path)
        #expect(csv.status == 0, "\(csv.stderr)")
        let header = try #require(csv.stdout.components(separatedBy: "\r\n").first).split(separator: ",").map(String.init)
        #expect(Set(header) == Set(first.keys).subtracting(["children"]), "\(header)")
        #expect(header.count == Set(header).count)
    }

    @Test func csvCellsCarryMachineValues() throws {
        // The URL shortener's outage: instants in RFC 3339, lists joined by ';', booleans as words.
        let incidents = try sandbox.run("incidents", "--db", db, "--service", "url-shortener", "--format", "csv")
        #expect(incidents.succeededQuietly, "\(incidents)")
        let row = try #require(incidents.stdout.components(separatedBy: "\r\n").dropFirst().first)
        #expect(row.hasPrefix("2023-05-16-url-shortener-json-load,URL shortener down for 23 minutes"))
        #expect(row.contains(",SEV2,false,2023-05-16T14:00:00Z,2023-05-16T14:23:00Z,2023-05-16T14:23:00Z,resolved,url-shortener,"))
        #expect(row.contains(",code/api-misuse;deploy/all-at-once;"))
        // An overdue action: due date without the derived-date star, days overdue as a number
        // (2018-10-10 to 2024-01-01 is 1909 days), no owner as an empty cell.
        let actions = try sandbox.run("actions", "--db", db, "--as-of", "2024-01-01", "--format", "csv")
        #expect(actions.succeededQuietly, "\(actions)")
        #expect(actions.stdout.contains(",in-progress,2018-10-10,true,1909,true,2018-09-12-image-api-overlay-and-hotfix,"))
        // Nothing matches: the header alone.
        let none = try sandbox.run("actions", "--db", db, "--owner", "nobody", "--format", "csv")
        #expect(none.status == 0)
        #expect(none.stdout == "id,title,status,due,overdue,days_overdue,due_derived,incident,action,kind,priority,owner,"
                + "addresses,created_at,completed_at,ticket\r\n")
        let noWindows = try sandbox.run("maintenance", "list", "--db", db, "--format", "csv")
        #expect(noWindows.succeededQuietly, "\(noWindows)")
        #expect(noWindows.stdout == "service,start,end,note\r\n")
    }

    /// `followup` gives one CSV row per group and one for all actions, with the JSON's figure
    /// names and values, not a header of its own.
    @Test func followupCSVHasTheJSONFiguresOfEachGroup() throws {
        let period = ["followup", "--db", db, "--since", "2019-01-01", "--until", "2019-12-31", "--by", "priority"]
        let json = try Hindsight.run(period + ["--format", "json"], home: sandbox.path)
        #expect(json.succeededQuietly, "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(document["total"] as? [String: Any])
        let csv = try Hindsight.run(period + ["--format", "csv"], home: sandbox.path)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header == ["group"] + ["created", "completed", "created_and_completed", "completion_rate", "completed_with_due",
                                       "completed_on_time", "on_time_rate", "median_days_to_complete", "p90_days_to_complete",
                                       "open", "overdue", "overdue_ageing", "did_not_prevent_repeat"])
        #expect(Set(header.dropFirst()) == Set(total.keys))
        #expect(lines.count == 1 + ((document["groups"] as? [Any])?.count ?? -1) + 1)
        // The total of 2019 (see ActionCommandTests): 11 created, 8 done, 6 open, 5 overdue.
        let last = try #require(lines.last)
        #expect(last.hasPrefix("(all),11,8,8,0.7272727272727273,8,8,1,"), "\(last)")
        #expect(last.hasSuffix(",6,5,\"{\"\"up_to_30_days\"\": 1, \"\"31_to_90_days\"\": 1, \"\"over_90_days\"\": 3}\",0"), "\(last)")
    }

    /// `gaps` as CSV carries both kinds of gap with every field of their JSON, the start of an
    /// incident without actions among them.
    @Test func gapsCSVCarriesTheJSONFieldsOfBothKinds() throws {
        let text = """
            version: 1
            incidents:
              - {id: lonely, title: "No follow-up", started_at: 2024-01-01T10:00:00Z, factors: [{id: f, title: F, cause: x}]}
            """
        let imported = try sandbox.run("import", "--db", db, "-", stdin: text)
        #expect(imported.status == 0, "\(imported.stderr)")
        let csv = try sandbox.run("gaps", "--db", db, "--as-of", "2024-03-01", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "gap,incident,factor,cause,role,title,started_at")
        #expect(lines.contains("factor,lonely,f,x,contributing,F,"))
        #expect(lines.contains("incident,lonely,,,,No follow-up,2024-01-01T10:00:00Z"))
    }

    /// JSON output gives durations as numbers of seconds: the URL shortener's 15 minutes a year
    /// is 900, not the interchange format's `900s`; an objective stays a percent.
    @Test func servicesJSONGivesAFixedAllowanceInSeconds() throws {
        let result = try sandbox.run("services", "--db", db, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let services = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let shortener = try #require(services.first { $0["id"] as? String == "url-shortener" }?["slas"] as? [[String: Any]])
        #expect(shortener.count == 1)
        #expect(shortener.first?["allowed_downtime_seconds"] as? Int == 900)
        #expect(shortener.first?["allowed_downtime"] == nil)
        #expect(shortener.first?["window"] as? String == "year")
        let catalogue = try #require(services.first { $0["id"] as? String == "catalogue-api" }?["slas"] as? [[String: Any]])
        #expect(catalogue.first?["objective"] as? Double == 99.9)
        #expect(!result.stdout.contains("\"900s\""))
    }

    @Test func incidentShowTellsTheWholeStory() throws {
        let result = try sandbox.run("incident", "show", "--db", db, "2019-10-30-catalogue-elasticsearch-overload")
        #expect(result.status == 0)
        for section in ["Impact", "Contributing factors", "Actions", "Timeline (UTC)"] {
            #expect(result.stdout.contains("\n\(section)\n"))
        }
        // The health-check defect had been in place since October 2016: 36 months before the outage.
        #expect(result.stdout.contains("latent 36 months (3 years)"))
        // 80 % of requests failed while the platform was broken.
        #expect(result.stdout.contains("80% failing"))
        let json = try sandbox.run("incident", "show", "--db", db, "--format", "json", "2023-05-16-url-shortener-json-load")
        #expect(json.succeededQuietly, "\(json)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let derived = object?["derived"] as? [String: Any]
        #expect(derived?["seconds_to_mitigate"] as? Int == 23 * 60)
    }

    /// A line break in a title, a timeline entry or an impact's note is kept in `incident show`, and
    /// the lines after it are indented under the first, where they began in the first column and
    /// read as the next item; the rule under a two-line title is as long as its longer line.
    @Test func incidentShowIndentsTheLinesOfAMultiLineField() throws {
        let file = try sandbox.write("lines.yaml", """
            version: 1
            incidents:
              - id: two-lines
                title: "Queue stalled\\nafter the broker upgrade of Tuesday"
                started_at: 2024-03-01T10:00:00Z
                impacts:
                  - {service: catalogue-api, note: "slow\\nthen down"}
                factors:
                  - {id: f1, title: "Broker\\nupgrade", cause: code/bug}
                actions:
                  - {id: a1, title: "Pin the\\nbroker version", kind: prevent}
                timeline:
                  - {at: 2024-03-01T10:05:00Z, text: "Paged\\nwoke the on-call"}
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let show = try sandbox.run("incident", "show", "--db", db, "two-lines")
        #expect(show.succeededQuietly, "\(show)")
        // "after the broker upgrade of Tuesday" is 35 characters.
        #expect(show.stdout.hasPrefix("Queue stalled\nafter the broker upgrade of Tuesday\n\(String(repeating: "═", count: 35))\n"))
        #expect(show.stdout.contains("  — slow\n    then down\n"), "\(show.stdout)")
        #expect(show.stdout.contains("  [contributing] code/bug: Broker\n    upgrade\n"), "\(show.stdout)")
        #expect(show.stdout.contains("  [open] Pin the\n    broker version\n"), "\(show.stdout)")
        // The entry's text starts after two spaces, the 20 characters of the instant and two more.
        #expect(show.stdout.contains("  2024-03-01T10:05:00Z  Paged\n\(String(repeating: " ", count: 24))woke the on-call\n"),
                "\(show.stdout)")
    }

    /// The URL shortener was resolved on 2023-05-16; its actions carry no due date of their own, so
    /// a high-priority one is due 28 days later, 2023-06-13, and a medium one 56 days later,
    /// 2023-07-11. Markdown marks such derived dates with `*`, as the README says, and says so.
    @Test func incidentShowMarkdownMarksDerivedDueDates() throws {
        let result = try sandbox.run("incident", "show", "--db", db, "--format", "markdown", "2023-05-16-url-shortener-json-load")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Switch back to json.load and push the corrected app | mitigate | high |  | 2023-06-13* | done |"),
                "\(result.stdout)")
        #expect(result.stdout.contains("| On a Datadog down alert, trigger a Jenkins job that fetches and filters Beanstalk logs | detect | medium |  | 2023-07-11* | done |"),
                "\(result.stdout)")
        #expect(result.stdout.contains("\nDue dates marked \\* are derived from the incident's resolution.\n"))
    }

    @Test func unknownIdsAreInputErrors() throws {
        let missing = try sandbox.run("incident", "show", "--db", db, "no-such-incident")
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no incident with id 'no-such-incident'"))
        let service = try sandbox.run("incidents", "--db", db, "--service", "nope")
        #expect(service.status == 65)
        #expect(service.stderr.contains("no service with id 'nope'"))
    }

    @Test(arguments: [
        (["incidents", "--since", "2024-13-01"], "--since: '2024-13-01' is not a date"),
        (["incidents", "--since", "2024-02-01", "--until", "2024-01-01"], "--until 2024-01-01 is before --since 2024-02-01"),
        (["incidents", "--cause", "Cache"], "--cause: 'Cache' is not a cause path"),
        (["incidents", "--severity", "SEV9"], "is not one of SEV1"),
        (["incidents", "--format", "xml"], "format"),
        (["incidents", "--no-such-option"], "no-such-option"),
        (["incident", "show", "--format", "html", "x"], "'html'"),
    ])
    func badCommandLinesExit64(arguments: [String], message: String) throws {
        let result = try Hindsight.run(arguments + ["--db", db], home: sandbox.path)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func tableColumnsAlignByCharactersAndLongCellsAreShortened() throws {
        // A 70-character title with accented letters (two bytes each), shortened to the title
        // column's 60 characters, and an open incident, whose duration is right-aligned.
        let title = String(repeating: "é", count: 10) + String(repeating: "x", count: 60)
        let text = """
            version: 1
            services: [{id: s, name: S}]
            incidents:
              - {id: long, title: "\(title)", started_at: 2024-01-01T00:00:00Z, resolved_at: 2024-01-01T00:05:00Z, impacts: [{service: s}]}
              - {id: open, title: Café, started_at: 2024-01-02T00:00:00Z, impacts: [{service: s}]}
            """
        let imported = try sandbox.run("import", "--db", db, "-", stdin: text)
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try sandbox.run("incidents", "--db", db, "--since", "2024-01-01")
        #expect(table.succeededQuietly, "\(table)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "STARTED (UTC)     ID    SEV  STATE     TO MITIGATE  SERVICES  TITLE",
            "────────────────  ────  ───  ────────  ───────────  ────────  " + String(repeating: "─", count: 60),
            "2024-01-01 00:00  long       resolved           5m  s         " + String(title.prefix(59)) + "…",
            "2024-01-02 00:00  open       open          ongoing  s         Café",
        ])
    }

    /// An empty listing says so on standard error, as every listing does, and JSON is an empty list.
    @Test(arguments: [(["services"], "No services yet; 'hindsight import' adds them with their incidents.\n"),
                      (["maintenance", "list"], "No maintenance windows match.\n"),
                      (["incidents"], "No incidents match.\n")])
    func anEmptyKnowledgeBaseListsNothingAndSaysSo(command: [String], message: String) throws {
        let empty = try Sandbox()
        let file = empty.file("empty.sqlite")
        #expect(try empty.run("init", "--db", file).status == 0)
        let table = try Hindsight.run(command + ["--db", file], home: empty.path)
        #expect(table.status == 0)
        #expect(table.stdout.isEmpty)
        #expect(table.stderr == message)
        let json = try Hindsight.run(command + ["--db", file, "--format", "json"], home: empty.path)
        #expect(json.succeededQuietly, "\(json)")
        #expect(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func tableOutputNeutralisesTerminalEscapes() throws {
        let text = """
            version: 1
            incidents:
              - {id: evil, title: "red \\e[31m alert \\u202e", started_at: 2024-01-01T00:00:00Z}
            """
        _ = try sandbox.run("import", "--db", db, "-", stdin: text)
        let table = try sandbox.run("incidents", "--db", db, "--since", "2024-01-01")
        #expect(table.succeededQuietly, "\(table)")
        #expect(!table.stdout.contains("\u{1b}"))
        #expect(table.stdout.contains("\\u{1b}[31m"))
        #expect(table.stdout.contains("\\u{202e}"))
        // JSON keeps the stored text byte for byte.
        let json = try sandbox.run("incidents", "--db", db, "--since", "2024-01-01", "--format", "json")
        #expect(json.succeededQuietly, "\(json)")
        #expect(json.stdout.contains("\\u001b[31m alert \u{202E}"))
    }
}
