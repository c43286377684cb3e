import Foundation
import Testing

/// `hindsight incident show` says what the incident cost each SLA window its impacts reach, run
/// as a user would; every figure is worked out by hand in seconds.
struct IncidentBudgetTests {
    private static let catalogue = "2019-10-30-catalogue-elasticsearch-overload"
    private static let shortener = "2023-05-16-url-shortener-json-load"

    private func show(_ sandbox: Sandbox, _ db: String, _ arguments: String...) throws -> BinaryResult {
        let result = try Hindsight.run(["incident", "show", "--db", db] + arguments, home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return result
    }

    private func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// 19:00–20:15 +01:00 at 0.8: 4500 s × 0.8 = 3600 s. October 2019 in Prague lasts 31 days
    /// plus the hour the clocks went back, 2682000 s, so 99.9 % allows 2682 s (44m 42s), and
    /// 3600 / 2682 = 134.228…% of it was used.
    @Test func theCatalogueOverloadUsedOctobersBudgetAndMore() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let text = try show(sandbox, db, Self.catalogue).stdout
        #expect(text.contains("""

            SLA budget
              catalogue-api  99.9% per month (Europe/Prague)  2019-10  1h of 44m 42s allowed (134.2%), breached

            Contributing factors
            """))
        let impact = try #require(text.range(of: "\nImpact\n")), budget = try #require(text.range(of: "\nSLA budget\n"))
        #expect(impact.lowerBound < budget.lowerBound)

        let raw = try show(sandbox, db, "--format", "json", Self.catalogue).stdout
        let record = try json(raw)
        let windows = try #require(record["sla_windows"] as? [[String: Any]])
        try #require(windows.count == 1)
        let october = windows[0]
        #expect(october["service"] as? String == "catalogue-api")
        #expect(october["window"] as? String == "month")
        #expect(october["timezone"] as? String == "Europe/Prague")
        #expect(october["start"] as? String == "2019-09-30T22:00:00Z")   // midnight CEST
        #expect(october["end"] as? String == "2019-10-31T23:00:00Z")     // midnight CET
        #expect(october["downtime_seconds"] as? Double == 3_600)
        #expect(october["allowed_downtime_seconds"] as? Double == 2_682)
        #expect(abs((october["budget_consumed_percent"] as? Double ?? 0) - 360_000.0 / 2_682) < 1e-9)
        #expect(october["breached"] as? Bool == true)
        #expect(october["label"] as? String == "2019-10")
        // The record's other keys are as before, sla_windows last, after derived.
        let derived = try #require(raw.range(of: "\n  \"derived\": {")), slaWindows = try #require(raw.range(of: "\n  \"sla_windows\": ["))
        #expect(derived.lowerBound < slaWindows.lowerBound)
        #expect((record["derived"] as? [String: Any])?["seconds_to_resolve"] as? Double == 5_700)   // 18:00 to 19:35 UTC

        let markdown = try show(sandbox, db, "--format", "markdown", Self.catalogue).stdout
        #expect(markdown.contains("""
            ### SLA budget

            | Service | SLA | Window | Downtime | Allowed | Used | Window downtime | Window status |
            | --- | --- | --- | ---: | ---: | ---: | ---: | --- |
            | catalogue-api | 99.9% per month (Europe/Prague) | 2019-10 | 1h | 44m 42s | 134.2% | 1h | breached |
            """))
    }

    /// The figure is the one the report for that month gives the incident.
    @Test func theChargeIsWhatTheReportForTheWindowSays() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let shown = try json(try show(sandbox, db, "--format", "json", Self.catalogue).stdout)
        let charge = try #require((shown["sla_windows"] as? [[String: Any]])?.first)
        let reported = try Hindsight.run(["report", "--db", db, "--month", "2019-10", "--tz", "Europe/Prague",
                                          "--service", "catalogue-api", "--format", "json"], home: sandbox.path)
        #expect(reported.status == 0, "\(reported.stderr)")
        let line = try #require((try json(reported.stdout)["incidents"] as? [[String: Any]])?.first { $0["id"] as? String == Self.catalogue })
        #expect(line["downtime_seconds"] as? Double == 3_600)
        #expect(charge["downtime_seconds"] as? Double == line["downtime_seconds"] as? Double)
    }

    /// 14:00–14:23 UTC fully down: 1380 s against the fixed 900 s a year, 153.33…%.
    @Test func theURLShortenerUsedMoreThanItsYear() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        #expect(try show(sandbox, db, Self.shortener).stdout
                .contains("\n  url-shortener  15m down per year (UTC)  2023  23m of 15m allowed (153.3%), breached\n"))
        let csv = try show(sandbox, db, "--format", "csv", Self.shortener).stdout
        #expect(csv.hasPrefix("id,") && csv.contains(",derived,sla_windows\r\n"))
        #expect(csv.contains(#"""downtime_seconds"": 1380, ""allowed_downtime_seconds"": 900, ""budget_consumed_percent"": 153.33333333333334"#))
    }

    @Test func aNearMissWithoutImpactUsedNoBudget() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let id = "2016-10-12-falcon-logging-near-miss"
        #expect(try show(sandbox, db, id).stdout.contains("\nSLA budget\n  No impact recorded, so no SLA budget used.\n"))
        let windows = try json(try show(sandbox, db, "--format", "json", id).stdout)["sla_windows"] as? [Any]
        #expect(windows?.isEmpty == true)
    }

    /// The history of Tests/Fixtures/incident-charges.yaml, shared with the store's tests; its
    /// header gives each service's SLA and the allowances worked out by hand.
    private static var yaml: String {
        get throws {
            try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/incident-charges.yaml").path, encoding: .utf8)
        }
    }

    private func imported() throws -> (Sandbox, String) {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let result = try sandbox.run("import", "--db", db, "--by", "tester", try sandbox.write("t.yaml", try Self.yaml))
        guard result.status == 0 else { throw Sandbox.DemoFailed(stderr: result.stderr) }
        return (sandbox, db)
    }

    @Test func anIncidentAcrossAMonthEndShowsEveryWindowItReached() throws {
        let (sandbox, db) = try imported()
        // The allowances, 0.1 % of each window: October in Prague runs from CEST into CET, 31 × 86 400
        // + 3 600 = 2 682 000 s, so 2 682 s (44m 42s); in UTC 2 678 400 s, 2 678.4 s; November, 30 days
        // in either zone, 2 592 000 s, 2 592 s (43m 12s).
        // api, October: 22:30–23:00Z fully down, 1800 s = 30m, 1800 / 2682 = 67.11…%; the window
        // also holds overlap's 22:00–22:30 at 0.5 (900 s): 2700 s = 45m in all, over 2682 s.
        // api, November: 23:00–23:45Z less the maintenance from 23:30: 1800 s, 69.44…% of 2592 s.
        // web counts its 0.5 fully: 23:30–00:00 in October (1800 s, 67.20…% of 2678.4 s) and
        // 00:00–00:30 in November (1800 s of 2592 s). lone has no SLA.
        #expect(try show(sandbox, db, "cross").stdout.contains("""

            SLA budget
              api  99.9% per month (Europe/Prague)  2019-10  30m of 44m 42s allowed (67.1%); window 45m down in all, breached
              api  99.9% per month (Europe/Prague)  2019-11  30m of 43m 12s allowed (69.4%), met
              web  99.9% per month (UTC), partial counts as full  2019-10  30m of 44m 38s allowed (67.2%), met
              web  99.9% per month (UTC), partial counts as full  2019-11  30m of 43m 12s allowed (69.4%), met
              lone: no SLA in force at the time of the impact

            """))
        let windows = try #require(try json(try show(sandbox, db, "--format", "json", "cross").stdout)["sla_windows"] as? [[String: Any]])
        #expect(windows.map { $0["downtime_seconds"] as? Double } == [1_800, 1_800, 1_800, 1_800])
        #expect(windows.map { $0["allowed_downtime_seconds"] as? Double } == [2_682, 2_592, 2_678.4, 2_592])
        #expect(windows.map { $0["window_downtime_seconds"] as? Double } == [2_700, 1_800, 1_800, 1_800])
        #expect(windows.map { $0["breached"] as? Bool } == [true, false, false, false])
        // overlap: 22:00–22:30 at 0.5 = 900 s; from 22:30 the level 1 is cross's.
        #expect(try show(sandbox, db, "overlap").stdout
                .contains("\n  api  99.9% per month (Europe/Prague)  2019-10  15m of 44m 42s allowed (33.6%); window 45m down in all, breached\n"))
        #expect(try show(sandbox, db, "unguarded").stdout.contains("\nSLA budget\n  lone: no SLA in force at the time of the impact\n"))
        let markdown = try show(sandbox, db, "--format", "markdown", "unguarded").stdout
        #expect(markdown.contains("### SLA budget\n\nNo SLA in force at the time of the impact: lone.\n"))
    }

    /// An impact dated after now (a year mistyped ahead, say) has reached no window yet: that is
    /// what is said, not that its service has no SLA, which it has from 2019 on with no end.
    @Test func anImpactThatBeginsAfterNowIsNotChargedYet() throws {
        let (sandbox, db) = try imported()
        let later = try sandbox.write("later.yaml", """
            version: 1
            incidents:
              - id: typo-year
                title: API down, its year typed a millennium ahead
                started_at: 3019-10-31T22:00:00Z
                impacts:
                  - {service: api, start: 3019-10-31T22:00:00Z, end: 3019-10-31T23:00:00Z}
                  - {service: lone, start: 3019-10-31T22:00:00Z, end: 3019-10-31T23:00:00Z}
            """)
        let added = try sandbox.run("import", "--db", db, later)
        #expect(added.status == 0, "\(added.stderr)")
        let text = try show(sandbox, db, "typo-year").stdout
        #expect(text.hasSuffix("\nSLA budget\n  api, lone: the impact begins after now, so nothing is charged yet\n"), "\(text)")
        let markdown = try show(sandbox, db, "--format", "markdown", "typo-year").stdout
        #expect(markdown.contains("### SLA budget\n\nThe impact begins after now, so nothing is charged yet: api, lone.\n"), "\(markdown)")
        #expect((try json(try show(sandbox, db, "--format", "json", "typo-year").stdout)["sla_windows"] as? [Any])?.isEmpty == true)
    }
}
