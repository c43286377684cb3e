import Foundation
import Testing

/// `hindsight incident remove` and `hindsight sla remove`, run as a user would on the demo: a
/// record imported under a wrong id, or an SLA with a wrong first day, can be taken out, the
/// reports then read as if it had never been there, the full-text index stays whole, and a
/// refused removal leaves the file's bytes as they were.
struct RecordRemovalTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    private func run(_ arguments: [String], stdin: String = "") throws -> BinaryResult {
        try Hindsight.run(arguments + ["--db", db], stdin: Data(stdin.utf8), home: sandbox.path)
    }

    /// The seed incident imported again under its corrected id: the same 23 minutes of
    /// url-shortener, 14:00 to 14:23 UTC on 16 May 2023.
    static let corrected = """
        version: 1
        incidents:
          - id: 2023-05-16-url-shortener-json-loads
            title: URL shortener down after a release parsed a file handle with json.loads
            started_at: 2023-05-16T14:00:00Z
            resolved_at: 2023-05-16T14:23:00Z
            impacts: [{service: url-shortener, start: 2023-05-16T14:00:00Z, end: 2023-05-16T14:23:00Z}]
            factors: [{id: loads-on-file, title: json.loads given a file, cause: code/api-misuse}]
            actions: [{id: restore-load, title: Call json.load again, kind: mitigate, addresses: [loads-on-file]}]
        """

    static let wrongID = "2023-05-16-url-shortener-json-load"
    static let rightID = "2023-05-16-url-shortener-json-loads"

    /// The url-shortener section of the 2023 report, in JSON.
    private func urlShortener2023() throws -> [String: Any] {
        let result = try run(["report", "--year", "2023", "--service", "url-shortener", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(try result.quietOutput().utf8)) as? [String: Any] ?? [:]
        return (report["services"] as? [[String: Any]])?.first ?? [:]
    }

    private func expectDoctorClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let doctor = try run(["doctor"])
        #expect(doctor.succeededQuietly, "\(doctor)", sourceLocation: sourceLocation)
        #expect(!doctor.stdout.contains("FAIL"), "\(doctor.stdout)", sourceLocation: sourceLocation)
        #expect(try SQLiteShell.health(db) == "ok", sourceLocation: sourceLocation)
    }

    /// The outage imported twice counted as two incidents; removing the copy with the wrong id
    /// leaves one, with the same downtime (the two overlap, so it was down once all along).
    @Test func removingADuplicateIncidentFixesTheReport() throws {
        let imported = try run(["import", "-"], stdin: Self.corrected)
        #expect(imported.succeededQuietly, "\(imported)")
        let doubled = try urlShortener2023()
        #expect((doubled["incidents"] as? [String])?.sorted() == [Self.wrongID, Self.rightID])

        let removed = try run(["incident", "remove", Self.wrongID])
        #expect(removed.succeededQuietly, "\(removed)")
        // The seed incident: 1 impact, 6 factors, 7 actions each with its import record, 2 timeline entries.
        #expect(removed.stdout == "Removed incident \(Self.wrongID) with 1 impact, 6 factors, 7 actions "
                + "(7 history records) and 2 timeline entries.\n")

        let fixed = try urlShortener2023()
        #expect(fixed["incidents"] as? [String] == [Self.rightID])
        // 14:00 to 14:23 is 23 minutes, 1380 s; the SLA allows 900 s a year: 1380 / 900 = 153.33 %.
        #expect(fixed["period_downtime_seconds"] as? Double == 1380)
        let window = (fixed["windows"] as? [[String: Any]])?.first ?? [:]
        #expect(window["downtime_seconds"] as? Double == 1380)
        #expect(abs((window["budget_consumed_percent"] as? Double ?? 0) - 1380.0 / 900 * 100) < 1e-9)
        #expect(window["breached"] as? Bool == true)

        // Nothing of it is left to list, show or find (the right id begins with the wrong one, so
        // the wrong one is looked for with its closing quote).
        let incidents = try run(["incidents", "--format", "json"]).quietOutput()
        #expect(!incidents.contains("\"\(Self.wrongID)\""))
        #expect(incidents.contains("\"\(Self.rightID)\""))
        let actions = try run(["actions", "--format", "json"]).quietOutput()
        #expect(!actions.contains("\"\(Self.wrongID)/") && !actions.contains("\"\(Self.wrongID)\""))
        let shown = try run(["incident", "show", Self.wrongID])
        #expect(shown.status == 65)
        // "Beanstalk" is only in the seed incident's summary and a factor's description.
        let search = try run(["search", "Beanstalk", "--format", "json"]).quietOutput()
        #expect(!search.contains("\"\(Self.wrongID)\""), "\(search)")
        #expect(try SQLiteShell.query(db, "SELECT count(*) FROM action_history WHERE incident_id = '\(Self.wrongID)'") == "0")
        try expectDoctorClean()
    }

    /// An incident imported again under a removed one's id starts with no history: each action
    /// shows only the import that created it, not the removed incident's records.
    @Test func anIncidentAddedUnderARemovedIdStartsAfresh() throws {
        let export = try run(["export"]).quietOutput()
        #expect(try run(["incident", "remove", Self.wrongID]).succeededQuietly)
        let again = try run(["import", "-"], stdin: export)
        #expect(again.succeededQuietly, "\(again)")
        let shown = try run(["action", "show", "\(Self.wrongID)/restore-json-load", "--format", "json"]).quietOutput()
        let detail = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any] ?? [:]
        let history = detail["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["field"] as? String } == ["created"], "\(shown)")
        try expectDoctorClean()
    }

    /// The history stays append-only for every incident still there: removing one incident lifts
    /// the trigger only for the moment it deletes that incident's records.
    @Test func theHistoryStaysAppendOnly() throws {
        #expect(try run(["incident", "remove", Self.wrongID]).succeededQuietly)
        let refused = try SQLiteShell.query(db, "PRAGMA foreign_keys = ON; DELETE FROM action_history")
        #expect(refused.contains("action history is append-only"), "\(refused)")
        #expect(try SQLiteShell.query(db, "SELECT count(*) FROM sqlite_master WHERE name = 'action_history_no_delete'") == "1")
    }

    /// A subcommand's name after `incident` is the subcommand: an incident with the id `remove` is
    /// shown and removed by naming the subcommand first, and `incident remove` alone removes nothing.
    @Test func anIncidentNamedRemoveIsGivenAfterTheSubcommand() throws {
        let imported = try run(["import", "-"], stdin: """
            version: 1
            incidents:
              - {id: remove, title: An incident named like the command, started_at: 2023-01-02T00:00:00Z}
            """)
        #expect(imported.succeededQuietly, "\(imported)")
        #expect(try run(["incident", "show", "remove"]).quietOutput().contains("An incident named like the command"))
        let before = sandbox.bytes("demo.sqlite")
        let alone = try run(["incident", "remove"])
        #expect(alone.status == 64)
        #expect(alone.stderr.hasPrefix("error: Missing expected argument '<id>'\n"), "\(alone.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
        let removed = try run(["incident", "remove", "remove"])
        #expect(removed.stdout == "Removed incident remove with 0 impacts, 0 factors, 0 actions and 0 timeline entries.\n")
        #expect(try run(["incident", "show", "remove"]).status == 65)
        // `incident ID` still shows.
        #expect(try run(["incident", Self.wrongID]).quietOutput().contains("URL shortener down for 23 minutes"))
    }

    /// An SLA added with the wrong first day: importing the right one is refused as overlapping,
    /// and `sla change` cannot move the day; removing it lets the right one in.
    @Test func anSLAWithAWrongFirstDayIsRemovedAndAddedAgain() throws {
        #expect(try run(["sla", "change", "url-shortener", "--until", "2023-12-31"]).succeededQuietly)
        #expect(try run(["sla", "add", "url-shortener", "--from", "2024-02-01", "--objective", "99.9", "--window", "quarter",
                         "--credit", "99.9:10"]).succeededQuietly)
        let right = """
            version: 1
            slas:
              - {service: url-shortener, objective: 99.9, window: quarter, effective_from: 2024-01-01, credits: [{below: 99.9, credit_percent: 10}]}
            """
        let overlapping = try run(["import", "--replace", "-"], stdin: right)
        #expect(overlapping.status == 65)
        #expect(overlapping.stderr.contains("overlaps"), "\(overlapping.stderr)")
        let tiers = try SQLiteShell.count(db, "sla_credit_tier")

        let removed = try run(["sla", "remove", "url-shortener", "--effective-from", "2024-02-01"])
        #expect(removed.succeededQuietly, "\(removed)")
        #expect(removed.stdout.hasPrefix("Removed the SLA of url-shortener: 99.9% per quarter (UTC) from 2024-02-01"),
                "\(removed.stdout)")
        // Its one credit tier went with it.
        #expect(try SQLiteShell.count(db, "sla_credit_tier") == tiers - 1)
        #expect(try run(["import", "--replace", "-"], stdin: right).succeededQuietly)
        // Q1 2024 has 91 days, 7 862 400 s: 99.9 % allows 7862.4 s.
        let report = try run(["report", "--quarter", "2024Q1", "--service", "url-shortener", "--format", "json"]).quietOutput()
        #expect(report.contains("\"allowed_downtime_seconds\": 7862.4"), "\(report)")
        try expectDoctorClean()
    }

    /// `--effective-from always` picks the SLA without a start; a service left with none reports no SLA.
    @Test func theOnlySLAIsRemovedWithoutNamingIt() throws {
        let removed = try run(["sla", "remove", "url-shortener"])
        #expect(removed.stdout == "Removed the SLA of url-shortener: 15m down per year (UTC).\n", "\(removed)")
        let services = try run(["services", "--format", "json"]).quietOutput()
        let listed = try JSONSerialization.jsonObject(with: Data(services.utf8)) as? [[String: Any]] ?? []
        let entry = listed.first { $0["id"] as? String == "url-shortener" } ?? [:]
        #expect((entry["slas"] as? [Any])?.isEmpty == true, "\(entry)")
        try expectDoctorClean()
    }

    /// Each refusal exits as the contract says, with exactly this message, and writes nothing.
    @Test(arguments: [
        (["incident", "remove", "2023-05-16-no-such-incident"], Int32(65),
         "error: no incident with id '2023-05-16-no-such-incident'; 'hindsight incidents' lists them\n"),
        (["incident", "remove", "Bad"], Int32(64),
         "error: ID: 'Bad' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: lower-case letters, digits, '.', '_' "
            + "and '-', starting with a letter or digit, at most 128 characters\n"
            + "Usage: hindsight incident remove [--db <path>] <id>\n"
            + "  See 'hindsight incident remove --help' for more information.\n"),
        (["sla", "remove", "nobody"], Int32(65), "error: no service with id 'nobody'; 'hindsight services' lists them\n"),
        (["sla", "remove", "url-shortener", "--effective-from", "2020-01-01"], Int32(65),
         "error: url-shortener has no SLA effective from 2020-01-01; its SLAs: --effective-from always\n"),
        (["sla", "remove", "url-shortener", "--effective-from", "always", "--from", "2020-01-01"], Int32(64),
         "error: --from: pick the SLA to remove by its first day with --effective-from DATE (or --effective-from always)\n"
            + "Usage: hindsight sla remove [--db <path>] <service> [--effective-from <date>]\n"
            + "  See 'hindsight sla remove --help' for more information.\n"),
    ])
    func aRefusalChangesNothing(arguments: [String], status: Int32, stderr: String) throws {
        let before = sandbox.bytes("demo.sqlite")
        let refused = try run(arguments)
        #expect(refused.status == status, "\(refused)")
        #expect(refused.stderr == stderr)
        #expect(refused.stdout.isEmpty)
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// With several SLAs and none named, the removal is a usage error listing the ones to pick
    /// from, as in `sla change`, and nothing is removed.
    @Test func severalSLAsAndNoneNamedIsRefused() throws {
        #expect(try run(["sla", "change", "url-shortener", "--until", "2023-12-31"]).succeededQuietly)
        #expect(try run(["sla", "add", "url-shortener", "--from", "2024-01-01", "--objective", "99.9", "--window", "quarter"])
            .succeededQuietly)
        let before = sandbox.bytes("demo.sqlite")
        let refused = try run(["sla", "remove", "url-shortener"])
        #expect(refused.status == 64)
        #expect(refused.stderr == "error: url-shortener has 2 SLAs; pick one with --effective-from always, "
                + "--effective-from 2024-01-01\n")
        #expect(sandbox.bytes("demo.sqlite") == before)
        #expect(try SQLiteShell.count(db, "sla") == 5 + 1)
    }

    /// A service with no SLA at all says so and how to list the SLAs (or, for `sla change`, add one).
    @Test func aServiceWithoutAnSLAIsRefused() throws {
        #expect(try run(["sla", "remove", "url-shortener"]).succeededQuietly)
        let before = sandbox.bytes("demo.sqlite")
        for (arguments, message) in [
            (["sla", "remove", "url-shortener"], "error: url-shortener has no SLA; 'hindsight services' lists the SLAs\n"),
            (["sla", "remove", "url-shortener", "--effective-from", "always"],
             "error: url-shortener has no SLA effective from always, nor any other; 'hindsight services' lists the SLAs\n"),
            // `sla change` picks the same way, and says what to do instead; it said only the first part.
            (["sla", "change", "url-shortener", "--effective-from", "always", "--objective", "99"],
             "error: url-shortener has no SLA effective from always, nor any other; add one with 'hindsight sla add url-shortener'\n"),
        ] {
            let refused = try run(arguments)
            #expect(refused.status == 65)
            #expect(refused.stderr == message)
            #expect(sandbox.bytes("demo.sqlite") == before)
        }
    }
}
