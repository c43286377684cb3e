import Foundation
import Testing

/// The SLA arithmetic of `report` and `budget` run through the binary on knowledge bases built for
/// one rule each; every expected figure is worked out by hand, in seconds, in the comments.
struct SLAArithmeticTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        sandbox = try Sandbox()
        db = sandbox.file("kb.sqlite")
    }

    private func importing(_ yaml: String) throws {
        let file = try sandbox.write("history.yaml", yaml)
        let result = try sandbox.run("import", "--db", db, file)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The windows of `service` in a report run with `arguments`.
    private func windows(_ service: String, _ arguments: String...) throws -> [[String: Any]] {
        let report = try json(["report", "--service", service] + arguments) as? [String: Any] ?? [:]
        let section = (report["services"] as? [[String: Any]])?.first
        return section?["windows"] as? [[String: Any]] ?? []
    }

    /// The JSON output of `hindsight arguments… --format json`, which must succeed quietly.
    private func json(_ arguments: [String]) throws -> Any {
        let result = try Hindsight.run(arguments + ["--db", db, "--format", "json"], home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A knowledge base written before allowances were checked against daylight-saving weeks
    /// can hold a weekly allowance longer than such a week; its figures must still make sense.
    @Test func aStoredAllowanceLongerThanADaylightSavingWeekIsCappedAtTheWeek() throws {
        try importing("""
            version: 1
            services: [{id: wk, name: Weekly}]
            slas:
              - {service: wk, allowed_downtime: 600000s, window: week, timezone: Europe/Prague}
            incidents:
              - {id: down-all-week, title: Down all week, started_at: 2019-03-20T00:00:00Z,
                 resolved_at: 2019-04-05T00:00:00Z, impacts: [{service: wk}]}
            """)
        // 604000 s is under 7 days, which is all that older versions checked.
        #expect(try SQLiteShell.query(db, "UPDATE sla SET allowed_downtime_seconds = 604000; SELECT changes();") == "1")

        // 2019-W13 in Prague: Monday 25 March 00:00 CET = 24 March 23:00 UTC to Monday 1 April
        // 00:00 CEST = 31 March 22:00 UTC, 7 × 86400 − 3600 = 601200 s. The allowance is capped
        // at the window: 601200 s allowed, 601200 s down, 0 s left (not 604000 − 601200 = 2800),
        // 100 % used, availability 0 %, objective 0 % (not 100 × (601200 − 604000) / 601200 =
        // −0.4657 %), no breach.
        let week = try #require(try windows("wk", "--from", "2019-03-25", "--to", "2019-03-31", "--tz", "Europe/Prague").first)
        #expect(week["label"] as? String == "2019-W13")
        #expect(week["window_seconds"] as? Double == 601_200)
        #expect(week["allowed_downtime_seconds"] as? Double == 601_200)
        #expect(week["downtime_seconds"] as? Double == 601_200)
        #expect(week["budget_remaining_seconds"] as? Double == 0)
        #expect(week["budget_consumed_percent"] as? Double == 100)
        #expect(week["availability_percent"] as? Double == 0)
        #expect(week["objective_percent"] as? Double == 0)
        #expect(week["breached"] as? Bool == false)

        // As of 28 March 23:00 UTC, 345600 s in and down throughout: 601200 − 345600 = 255600 s
        // left, burn (345600 / 601200) / (345600 / 601200) = 1, and the budget lasts the week.
        let budget = try #require((try json(["budget", "--as-of", "2019-03-28T23:00:00Z"]) as? [[String: Any]])?.first)
        #expect(budget["allowed_downtime_seconds"] as? Double == 601_200)
        #expect(budget["budget_remaining_seconds"] as? Double == 255_600)
        #expect(budget["burn_rate"] as? Double == 1)
        #expect(budget["outlook"] as? String == "lasts")
    }

    @Test func anSLAChangedMidQuarterJudgesEachWindowByTheSLAInForceAtItsStart() throws {
        try importing("""
            version: 1
            services: [{id: chg, name: Changed}]
            slas:
              - {service: chg, objective: 99.9, window: quarter, effective_until: 2020-02-15}
              - {service: chg, objective: 99.5, window: month, effective_from: 2020-02-16}
            incidents:
              - {id: c1, title: Across the change, started_at: 2020-02-15T23:00:00Z, resolved_at: 2020-02-16T01:00:00Z,
                 impacts: [{service: chg}]}
              - {id: c2, title: Across the quarter end, started_at: 2020-03-31T23:30:00Z,
                 resolved_at: 2020-04-01T00:30:00Z, impacts: [{service: chg}]}
            """)
        // Q1 2020 began on 1 January under the quarterly SLA, which judges it whole: 91 days =
        // 7862400 s, 0.1 % = 7862.4 s allowed; down 7200 s (c1, across the change) + 1800 s (c2
        // up to 1 April) = 9000 s: 1137.6 s over, availability 100 × (1 − 9000 / 7862400).
        // January and February began before the monthly SLA and are not its; March is: 31 days
        // = 2678400 s, 0.5 % = 13392 s allowed, 1800 s down, 11592 s left.
        let q1 = try windows("chg", "--quarter", "2020Q1")
        #expect(q1.map { $0["label"] as? String } == ["2020Q1", "2020-03"])
        #expect(q1.first?["window_seconds"] as? Double == 7_862_400)
        #expect(q1.first?["allowed_downtime_seconds"] as? Double == 7_862.4)
        #expect(q1.first?["downtime_seconds"] as? Double == 9_000)
        #expect(q1.first?["budget_remaining_seconds"] as? Double == -1_137.6)
        #expect(q1.first?["breached"] as? Bool == true)
        #expect(abs((q1.first?["availability_percent"] as? Double ?? 0) - 99.885531135531136) < 1e-12)
        #expect(q1.last?["allowed_downtime_seconds"] as? Double == 13_392)
        #expect(q1.last?["downtime_seconds"] as? Double == 1_800)
        #expect(q1.last?["budget_remaining_seconds"] as? Double == 11_592)
        // Q2 has only the monthly SLA's windows; April holds c2's other 1800 s of 12960 s allowed.
        let q2 = try windows("chg", "--quarter", "2020Q2")
        #expect(q2.map { $0["label"] as? String } == ["2020-04", "2020-05", "2020-06"])
        #expect(q2.first?["allowed_downtime_seconds"] as? Double == 12_960)
        #expect(q2.first?["downtime_seconds"] as? Double == 1_800)
    }

    @Test func aFullPolicyWeekOverTheAutumnChangeCutsOutOverlappingMaintenance() throws {
        try importing("""
            version: 1
            services: [{id: mix, name: Mixed}]
            slas:
              - {service: mix, allowed_downtime: 1h, window: week, timezone: Europe/Prague, partial: full,
                 credits: [{below: 99.5, credit_percent: 5}]}
            maintenance:
              - {service: mix, start: 2019-10-27T00:30:00Z, end: 2019-10-27T01:00:00Z}
              - {service: mix, start: 2019-10-27T00:45:00Z, end: 2019-10-27T01:10:00Z}
              - {service: mix, start: 2019-10-27T22:30:00Z, end: 2019-10-27T23:30:00Z}
            incidents:
              - {id: m1, title: Partial over the change, started_at: 2019-10-27T00:00:00Z,
                 resolved_at: 2019-10-27T02:00:00Z, impacts: [{service: mix, fraction: 0.2}]}
              - {id: m2, title: Past the week's end, started_at: 2019-10-27T22:00:00Z,
                 impacts: [{service: mix, fraction: 0.4, end: 2019-10-28T01:00:00Z}]}
            """)
        // 2019-W43 in Prague: 21 October 00:00 CEST (20 October 22:00 UTC) to 28 October 00:00 CET
        // (27 October 23:00 UTC), 7 × 86400 + 3600 = 608400 s. The two overlapping maintenance
        // windows cut 00:30–01:10 from m1: 80 minutes left, 4800 s counted as full. m2 runs
        // 22:00–23:00 in the week, less maintenance from 22:30: 1800 s. Down 6600 s of 3600 s
        // allowed: 3000 s over, availability 100 × (1 − 6600 / 608400) = 98.915…, under the
        // 99.5 tier: 5 % credit. The period's downtime weighs by the fractions: 4800 × 0.2 +
        // 1800 × 0.4 = 960 + 720 = 1680 s.
        let report = try json(["report", "--from", "2019-10-21", "--to", "2019-10-27", "--tz", "Europe/Prague"]) as? [String: Any]
        let section = try #require((report?["services"] as? [[String: Any]])?.first)
        #expect(section["period_downtime_seconds"] as? Double == 1_680)
        let week = try #require((section["windows"] as? [[String: Any]])?.first)
        #expect(week["window_seconds"] as? Double == 608_400)
        #expect(week["downtime_seconds"] as? Double == 6_600)
        #expect(week["budget_remaining_seconds"] as? Double == -3_000)
        #expect(abs((week["availability_percent"] as? Double ?? 0) - (100 - 660_000.0 / 608_400)) < 1e-12)
        #expect(week["credit_percent"] as? Double == 5)
        // As of 22:45 UTC the budget ran out when m1 had been down 3600 s: 00:00–00:30 (1800 s),
        // then after the maintenance 1800 s more from 01:10, at 01:40.
        let budget = try #require((try json(["budget", "--as-of", "2019-10-27T22:45:00Z"]) as? [[String: Any]])?.first)
        #expect(budget["outlook"] as? String == "exhausted")
        #expect(budget["budget_runs_out_at"] as? String == "2019-10-27T01:40:00Z")
    }

    /// An `--as-of` after the period's end was pulled back to the period's end without a word,
    /// and the report said it was made as of then. It is kept: a yearly window reaching past a
    /// quarter is counted up to it, as the contract says ("its year up to the as-of instant").
    @Test func anAsOfAfterThePeriodIsKeptForTheWindowsThatReachPastIt() throws {
        try importing("""
            version: 1
            services: [{id: yr, name: Y}]
            slas: [{service: yr, objective: 99.95, window: year, timezone: UTC}]
            incidents:
              - {id: feb, title: F, started_at: 2019-02-10T00:00:00Z, resolved_at: 2019-02-10T02:00:00Z,
                 impacts: [{service: yr}]}
              - {id: aug, title: A, started_at: 2019-08-10T00:00:00Z, resolved_at: 2019-08-10T01:00:00Z,
                 impacts: [{service: yr}]}
            """)
        let report = try #require(try json(["report", "--quarter", "2019Q2", "--as-of", "2019-09-01T00:00:00Z"]) as? [String: Any])
        #expect(report["as_of"] as? String == "2019-09-01T00:00:00Z")
        let window = try #require(try windows("yr", "--quarter", "2019Q2", "--as-of", "2019-09-01T00:00:00Z").first)
        // 2019 up to September: 31+28+31+30+31+30+31+31 = 243 days = 20 995 200 s, holding February's
        // 7200 s and August's 3600 s: 10 800 s down. Allowed 0.05 % of 31 536 000 s = 15 768 s.
        #expect(window["evaluated_until"] as? String == "2019-09-01T00:00:00Z")
        #expect(window["downtime_seconds"] as? Double == 10_800)
        #expect(window["budget_remaining_seconds"] as? Double == 4_968)
        // 100 × (1 − 10 800 / 20 995 200) = 100 − 1 080 000 / 20 995 200 = 99.948559670781…
        let availability = try #require(window["availability_percent"] as? Double)
        #expect(abs(availability - 99.948_559_670_781_89) < 1e-9)
        // (10 800 / 15 768) / (20 995 200 / 31 536 000) = 0.684931… / 0.665753… = 1.028806…
        let burn = try #require(window["burn_rate"] as? Double)
        #expect(abs(burn - 1.028_806_584_362_14) < 1e-9)
        // Without --as-of the quarter, long over, is read to its end.
        let plain = try #require(try windows("yr", "--quarter", "2019Q2").first)
        #expect(plain["evaluated_until"] as? String == "2019-07-01T00:00:00Z")
        #expect(plain["downtime_seconds"] as? Double == 7_200)
    }
}
