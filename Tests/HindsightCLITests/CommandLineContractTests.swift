import Foundation
import Testing

/// The command line's stable surface, pinned in the contract's own words: which database a
/// command uses and what it does when the file is missing, exit codes, which stream carries what,
/// and the `--format` values each command takes.
struct CommandLineContractTests {
    /// "65: the input data is wrong (…, an id that does not exist); nothing was written." A command
    /// that changes a service's SLAs or maintenance can only ever name a service that does not
    /// exist in a file that does not exist yet, so it refuses the missing file, as the action
    /// commands do, and says how to create one, instead of leaving a new empty knowledge base
    /// behind it.
    @Test(arguments: [
        ["sla", "add", "api", "--objective", "99.9", "--window", "month"],
        ["sla", "change", "api", "--objective", "99.5"],
        ["maintenance", "add", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z"],
        ["maintenance", "change", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z", "--note", "x"],
        ["maintenance", "remove", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z"],
    ])
    func commandsThatChangeExistingRecordsLeaveNoFileWhenTheKnowledgeBaseIsMissing(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        let path = sandbox.file("folder/kb.sqlite")
        let result = try Hindsight.run(arguments + ["--db", path], home: sandbox.path)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no knowledge base at \(path); create one with 'hindsight init --db \(path)', "
                + "'hindsight import --db \(path) FILE' or try 'hindsight demo'\n", "\(arguments)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("folder")), "\(arguments) made the folder")
    }
}

extension CommandLineContractTests {
    /// "Errors go to standard error, one problem per line, as `file:line:column: message` when they
    /// come from a file." A value echoed in a message may hold a line break or another control
    /// character (a JSON string can, and so can an argument); it is written as a visible escape, so
    /// that each problem stays one line and nothing reaches the terminal raw.
    @Test func aLineBreakInAnEchoedValueDoesNotSplitAProblemOverTwoLines() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("bad.json", #"{"version": 1, "services": [{"id": "s\nx", "name": "S"}, {"id": "api", "name": "API", "team\r\u001b[2J": 1}]}"#)
        let db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, file)
        #expect(imported.status == 65)
        #expect(imported.stdout == "")
        #expect(imported.stderr == """
            \(file):1:36: services[0].id: 's\\u{a}x' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters
            \(file):1:87: services[1]: unknown key 'team\\u{d}\\u{1b}[2J'; expected one of: id, name, team, tier, description

            """)
        #expect(sandbox.bytes("kb.sqlite") == nil)

        _ = try sandbox.run("demo", "--db", db)
        let shown = try sandbox.run("incident", "show", "--db", db, "no\nsuch")
        #expect(shown.status == 64)
        #expect(shown.stderr.hasPrefix("error: ID: 'no\\u{a}such' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: "
                                       + "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, "
                                       + "at most 128 characters\nUsage: hindsight incident show"))

        // A usage error keeps the usage lines after it, but the problem is the first line, whole.
        let listed = try sandbox.run("incidents", "--db", db, "--service", "a\nb")
        #expect(listed.status == 64)
        #expect(listed.stdout == "")
        let lines = listed.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "error: --service: 'a\\u{a}b' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hindsight incidents") == true)
    }
}

extension CommandLineContractTests {
    static let oneIncident = """
        version: 1
        services:
          - {id: api, name: API}
        incidents:
          - id: outage
            title: Outage
            started_at: 2024-03-01T10:00:00Z
            resolved_at: 2024-03-01T10:30:00Z
            tags: [db, deploy]
            impacts: [{service: api}]
            factors: [{id: pool, title: "Pool | too small", cause: config/pool}]
            actions: [{id: check, title: Check the pool, kind: detect, owner: dba, priority: high, addresses: [pool]}]
        """

    /// A sandbox with ``oneIncident`` imported by `tester`, and its database.
    static func withOneIncident() throws -> (sandbox: Sandbox, db: String) {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, "--by", "tester", try sandbox.write("one.yaml", oneIncident))
        guard imported.status == 0 else { throw Sandbox.DemoFailed(stderr: imported.stderr) }
        return (sandbox, db)
    }

    /// "Commands that print records or reports take `--format` with `table` (the default on a
    /// terminal), `json`, `csv` and `markdown`." `incident show` prints one record; as CSV it is
    /// one row under the JSON's field names, lists of records and the derived figures one cell of
    /// JSON each, absent fields empty.
    @Test func incidentShowTakesCSV() throws {
        let (sandbox, db) = try Self.withOneIncident()
        let result = try sandbox.run("incident", "show", "--db", db, "--format", "csv", "outage")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let header = "id,title,severity,near_miss,detection,started_at,detected_at,mitigated_at,resolved_at,summary,source,"
            + "tags,impacts,factors,actions,timeline,derived,sla_windows"
        let impacts = #""[{""service"": ""api"", ""start"": ""2024-03-01T10:00:00Z"", ""end"": ""2024-03-01T10:30:00Z"", ""fraction"": 1}]""#
        let factors = #""[{""id"": ""pool"", ""title"": ""Pool | too small"", ""cause"": ""config/pool"", ""role"": ""contributing""}]""#
        let actions = #""[{""id"": ""check"", ""title"": ""Check the pool"", ""kind"": ""detect"", ""addresses"": [""pool""], ""owner"": ""dba"", ""priority"": ""high"", ""status"": ""open""}]""#
        // Resolved on 2024-03-01, high priority: due 28 days later, long past today.
        let derived = #""{""state"": ""resolved"", ""seconds_to_detect"": null, ""seconds_to_mitigate"": 1800, ""seconds_to_resolve"": 1800, "#
            + #"""latent_ages"": [{""factor"": ""pool"", ""latent_age"": null}], "#
            + #"""actions"": [{""id"": ""outage/check"", ""due"": ""2024-03-29"", ""overdue"": true}], ""repeats"": [], ""repeated_by"": []}""#
        #expect(result.stdout == header + "\r\n"
                // api has no SLA, so no window is charged: an empty list, an empty cell as the timeline's.
                + "outage,Outage,,,,2024-03-01T10:00:00Z,,,2024-03-01T10:30:00Z,,,db;deploy,\(impacts),\(factors),\(actions),,\(derived),\r\n")
    }

    /// The same sentence for `action show`: CSV is one row under the JSON's field names, Markdown
    /// pastes into a review document.
    @Test func actionShowTakesCSVAndMarkdown() throws {
        let (sandbox, db) = try Self.withOneIncident()
        let csv = try sandbox.run("action", "show", "--db", db, "--as-of", "2024-04-01", "--format", "csv", "outage/check")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "id,title,status,due,overdue,days_overdue,due_derived,incident,action,kind,priority,owner,addresses,"
                + "created_at,completed_at,ticket,incident_title,did_not_prevent_repeat,history")
        // Due 2024-03-29, judged on 2024-04-01: 3 days overdue. An imported action counts as
        // created when its incident started; it let no repeat through (an empty list: an empty cell).
        #expect(lines.count == 3 && lines[2] == "")
        let row = lines.dropFirst().first ?? ""
        #expect(row.hasPrefix("outage/check,Check the pool,open,2024-03-29,true,3,true,outage,check,detect,high,dba,pool,"
                              + "2024-03-01T10:00:00Z,,,Outage,,\"[{\"\"at\"\": \"\""), "\(row)")
        #expect(row.hasSuffix("\"\"actor\"\": \"\"tester\"\", \"\"field\"\": \"\"created\"\", \"\"old_value\"\": null, "
                              + "\"\"new_value\"\": \"\"open\"\", \"\"note\"\": \"\"import\"\"}]\""), "\(row)")

        let markdown = try sandbox.run("action", "show", "--db", db, "--as-of", "2024-04-01", "--format", "markdown", "outage/check")
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("""
            ## Check the pool

            **id** `outage/check` · detect · high priority · open

            - incident: `outage` Outage
            - owner: dba
            - due: 2024-03-29 (derived) · **overdue** by 3 days on 2024-04-01
            - created: 2024-03-01T10:00:00Z

            ### Addresses

            | Factor | Cause | Title |
            | --- | --- | --- |
            | pool | config/pool | Pool \\| too small |

            ### History

            | At | Actor | Field | From | To | Note |
            | --- | --- | --- | --- | --- | --- |

            """), "\(markdown.stdout)")
        #expect(markdown.stdout.hasSuffix(" | tester | created |  | open | import |\n"), "\(markdown.stdout)")
    }
}

extension CommandLineContractTests {
    /// The interchange format: an import that fails exits non-zero "naming every problem found
    /// (file:line:column, the field, what was expected)". The problems found across records (a
    /// reference to no service, a duplicate, overlapping SLAs, a record that differs from the
    /// stored one) name the field as a record's own problems do.
    @Test func problemsAcrossRecordsNameTheField() throws {
        let sandbox = try Sandbox()
        try sandbox.write("refs.yaml", """
            version: 1
            services:
              - {id: api, name: API}
              - {id: api, name: API again}
            slas:
              - {service: apx, objective: 99, window: month}
              - {service: api, objective: 99, window: month}
              - {service: api, objective: 99.5, window: month, effective_from: 2024-01-01}
            maintenance:
              - {service: apz, start: 2024-01-01T00:00:00Z, end: 2024-01-01T01:00:00Z}
            incidents:
              - id: outage
                title: Outage
                started_at: 2024-03-01T10:00:00Z
                impacts: [{service: api}, {service: apy}]
            """)
        let refused = try Hindsight.run(["import", "--db", "kb.sqlite", "refs.yaml"], home: sandbox.path, directory: sandbox.path)
        #expect(refused.status == 65)
        #expect(refused.stdout == "")
        let define = "define it under 'services:' in this import or import it first"
        let disjoint = "a service's SLAs must cover disjoint periods"
        #expect(refused.stderr == """
            refs.yaml:4:5: services[1]: duplicate service 'api' with different content (first defined at refs.yaml:3:5)
            refs.yaml:6:15: slas[0].service: unknown service 'apx'; \(define)
            refs.yaml:7:5: slas[1]: SLA of 'api' effective from always overlaps its SLA effective 2024-01-01 to open end; \(disjoint)
            refs.yaml:8:5: slas[2]: SLA of 'api' effective from 2024-01-01 overlaps its SLA effective always to open end; \(disjoint)
            refs.yaml:10:15: maintenance[0].service: unknown service 'apz'; \(define)
            refs.yaml:15:41: incidents[0].impacts[1].service: unknown service 'apy'; \(define)

            """)
        #expect(sandbox.bytes("kb.sqlite") == nil)

        try sandbox.write("one.yaml", Self.oneIncident)
        #expect(try Hindsight.run(["import", "--db", "kb.sqlite", "one.yaml"], home: sandbox.path, directory: sandbox.path).status == 0)
        try sandbox.write("changed.yaml", Self.oneIncident.replacingOccurrences(of: "title: Outage", with: "title: Outage again"))
        let changed = try Hindsight.run(["import", "--db", "kb.sqlite", "changed.yaml"], home: sandbox.path, directory: sandbox.path)
        #expect(changed.status == 65)
        #expect(changed.stderr == "changed.yaml:5:5: incidents[0]: incident 'outage' differs from the stored one (at title); "
                + "pass --replace to overwrite it\n")
    }
}

extension CommandLineContractTests {
    /// The same rule for an empty file, which SQLite would take for an empty database: a command
    /// that changes records which must already exist refuses it, as the reading commands do,
    /// rather than writing a whole schema into it and then exiting 65, "nothing was written".
    @Test(arguments: [
        ["action", "add", "outage", "--title", "Check the pool", "--kind", "detect"],
        ["action", "done", "outage/check"],
        ["sla", "add", "api", "--objective", "99.9", "--window", "month"],
        ["maintenance", "add", "api", "--start", "2024-03-02T22:00:00Z", "--end", "2024-03-03T02:00:00Z"],
    ])
    func commandsThatChangeExistingRecordsRefuseAnEmptyFile(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("empty.sqlite", "")
        let result = try Hindsight.run(arguments + ["--db", path], home: sandbox.path)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr == "error: \(path) is empty, not a knowledge base; create one with 'hindsight init --db \(path)' "
                + "or 'hindsight import --db \(path) FILE'\n", "\(arguments)")
        #expect(sandbox.bytes("empty.sqlite") == Data(), "\(arguments) wrote into the empty file")
    }
}

extension CommandLineContractTests {
    /// Every refusal begins `error: `, whichever part of hindsight made it: the argument parser
    /// (an unknown option, a missing value), a check made once the command runs, or the store, so
    /// that one pattern finds them all in a cron job's log.
    @Test(arguments: [
        (["followup", "--db", "KB", "--week", "2025-W30"], Int32(64), "error: Unknown option '--week'"),
        (["report", "--db", "KB"], Int32(64), "error: "),
        (["incidents", "--db", "KB", "--since"], Int32(64), "error: Missing value for '--since <date>'"),
        (["incidents", "--db", "KB", "-since", "2024-01-01"], Int32(64), "error: '-since' is not an option"),
        (["incident", "show", "--db", "KB", "nope"], Int32(65), "error: no incident with id 'nope'"),
        // A word near a subcommand's name with no argument after it is the id of `incident ID`.
        (["incident", "shw", "--db", "KB"], Int32(65), "error: no incident with id 'shw'"),
        (["incidents", "--db", "MISSING"], Int32(1), "error: no knowledge base at "),
    ])
    func everyRefusalBeginsTheSameWay(_ arguments: [String], status: Int32, start: String) throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        _ = try sandbox.run("import", "--db", db, sandbox.write("one.yaml", Self.oneIncident))
        let given = arguments.map { $0 == "KB" ? db : $0 == "MISSING" ? sandbox.file("missing.sqlite") : $0 }
        let result = try Hindsight.run(given, home: sandbox.path)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(start), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Error"), "\(arguments): \(result.stderr)")
    }
}
