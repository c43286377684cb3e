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
}
