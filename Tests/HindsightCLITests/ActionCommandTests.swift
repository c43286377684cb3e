import Foundation
import Testing

/// `hindsight action`, `actions`, `followup` and `gaps` run on the demo knowledge base as a user
/// would, with figures worked out by hand from the seed postmortems.
struct ActionCommandTests {
    static let shortener = "2023-05-16-url-shortener-json-load"
    static let flask = "2021-02-01-flask-website-typo-outage"
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    private func run(_ arguments: [String]) throws -> BinaryResult {
        try Hindsight.run(arguments + ["--db", db], home: sandbox.path)
    }

    private func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func overdueActionsOnAPastDayMostOverdueFirst() throws {
        let listed = try #require(try json(["actions", "--overdue", "--as-of", "2021-03-30"]) as? [[String: Any]])
        // The flask incident was resolved 2021-02-01T14:35-08:00, i.e. 22:35 UTC on 1 February:
        // high priority due 1 Feb + 28 = 1 March (29 days overdue on 30 March), medium due
        // 1 Feb + 56 = 29 March (1 day). The image-api incident was resolved on 2018-09-12: high
        // due 10 October 2018, 731 days to 10 October 2020 plus 171 to 30 March 2021 = 902 days;
        // medium due 7 November 2018, 874 days. The catalogue incident (resolved 2019-10-30):
        // high due 27 November 2019 (489 days), medium 25 December 2019 (461 days).
        #expect(listed.map { $0["days_overdue"] as? Int ?? -1 } == [902, 902, 874, 489, 461, 29, 1, 1])
        #expect(listed.compactMap { $0["id"] as? String }.suffix(3) == [
            "\(Self.flask)/testing-protocol", "\(Self.flask)/docker-test-sandboxes", "\(Self.flask)/two-person-signoff"])
        let first = try #require(listed.first)
        #expect(first["id"] as? String == "2018-09-12-image-api-overlay-and-hotfix/e2e-test-roadmap")
        #expect(first["due"] as? String == "2018-10-10")
        #expect(first["overdue"] as? Bool == true)
        #expect(first["status"] as? String == "in-progress")
        #expect(first["title"] is String)
        // The day before the medium ones fell due, only six are overdue.
        #expect((try json(["actions", "--overdue", "--as-of", "2021-03-29"]) as? [Any])?.count == 6)
    }

    @Test func filtersCombine() throws {
        let open = try #require(try json(["actions", "--incident", Self.flask, "--status", "open", "--priority", "medium"]) as? [[String: Any]])
        // The flask incident's two open medium actions (its high ones are excluded, whether done or
        // open) share a due date, so they tie on days overdue and due date and come by id.
        #expect(open.compactMap { $0["id"] as? String } == ["\(Self.flask)/docker-test-sandboxes", "\(Self.flask)/two-person-signoff"])
        let owned = try #require(try json(["actions", "--owner", "nobody-owns-this"]) as? [Any])
        #expect(owned.isEmpty)
        let unknown = try run(["actions", "--incident", "no-such-incident"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no incident with id 'no-such-incident'"))
    }

    @Test func theLifecycleIsRecordedAndJudgedOnEverySideOfTheDueDay() throws {
        let id = "\(Self.shortener)/rolling-deploys"
        let started = try run(["action", "update", id, "--status", "in-progress", "--owner", "web-team", "--by", "ana",
                               "--note", "picked up"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout == "Updated \(id): status open → in-progress; owner (none) → web-team.\n")
        let done = try run(["action", "done", id, "--at", "2023-07-12T09:00:00+02:00", "--by", "bo"])
        #expect(done.status == 0, "\(done.stderr)")
        // Resolved 2023-05-16, medium: due 2023-05-16 + 56 = 2023-07-11. Done 07:00 UTC on 12 July.
        func overdue(_ day: String) throws -> [String: Any] {
            try #require(try json(["action", "show", id, "--as-of", day]) as? [String: Any])
        }
        #expect(try overdue("2023-07-11")["overdue"] as? Bool == false)   // the due day itself
        #expect(try overdue("2023-07-12")["days_overdue"] as? Int == 1)    // still open on the day it was done
        #expect(try overdue("2023-07-13")["overdue"] as? Bool == false)   // done before 13 July
        let shown = try overdue("2023-07-13")
        #expect(shown["completed_at"] as? String == "2023-07-12T07:00:00Z")
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.map { "\($0["actor"] ?? "") \($0["field"] ?? "") \($0["old_value"] as? String ?? "-")→\($0["new_value"] as? String ?? "-")" }
                == ["\(history.first?["actor"] ?? "") created -→open", "ana status open→in-progress", "ana owner -→web-team",
                    "bo status in-progress→done", "bo completed_at -→2023-07-12T07:00:00Z"])
        #expect(history[1]["note"] as? String == "picked up")
        // The text form says the same.
        let text = try run(["action", "show", id, "--as-of", "2023-07-12"])
        #expect(text.succeededQuietly, "\(text)")
        #expect(text.stdout.contains("due         2023-07-11 (derived) · OVERDUE by 1 day on 2023-07-12"))
        // Setting values it already has changes nothing and records nothing.
        let again = try run(["action", "update", id, "--owner", "web-team"])
        #expect(again.succeededQuietly, "\(again)")
        #expect(again.stdout == "No change: \(id) already has those values.\n")
        #expect((try overdue("2023-07-13")["history"] as? [Any])?.count == 5)
    }

    /// `--due` with the date that was derived makes it written: recorded in the history, kept
    /// by an export and a re-import that moves the incident's resolution.
    @Test func writingTheDerivedDueDateMakesItWritten() throws {
        let id = "\(Self.shortener)/rolling-deploys"
        // Resolved 2023-05-16, medium: derived due 2023-05-16 + 56 = 2023-07-11.
        let updated = try run(["action", "update", id, "--due", "2023-07-11", "--by", "ana"])
        #expect(updated.status == 0)
        #expect(updated.stderr == "")
        #expect(updated.stdout == "Updated \(id): due 2023-07-11 (derived) → 2023-07-11.\n")
        let shown = try #require(try json(["action", "show", id, "--as-of", "2023-07-12"]) as? [String: Any])
        #expect(shown["due"] as? String == "2023-07-11")
        #expect(shown["due_derived"] as? Bool == false)
        let last = try #require((shown["history"] as? [[String: Any]])?.last)
        #expect(last["actor"] as? String == "ana")
        #expect(last["field"] as? String == "due")
        #expect(last["old_value"] as? String == "2023-07-11 (derived)")
        #expect(last["new_value"] as? String == "2023-07-11")
        let text = try run(["action", "show", id, "--as-of", "2023-07-12"])
        #expect(text.succeededQuietly, "\(text)")
        #expect(text.stdout.contains("due         2023-07-11 · OVERDUE by 1 day on 2023-07-12"))
        // Once written, the same date again changes nothing.
        let again = try run(["action", "update", id, "--due", "2023-07-11"])
        #expect(again.succeededQuietly, "\(again)")
        #expect(again.stdout == "No change: \(id) already has those values.\n")
        // The export carries the date, so a re-import that moves the resolution keeps it.
        let exported = try run(["export"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let resolution = "resolved_at: \"2023-05-16T14:23:00Z\""
        #expect(exported.stdout.contains(resolution))
        let moved = exported.stdout.replacingOccurrences(of: resolution, with: "resolved_at: \"2023-05-20T14:23:00Z\"")
        let replaced = try Hindsight.run(["import", "--db", db, "--replace", "-"], stdin: Data(moved.utf8), home: sandbox.path)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let after = try #require(try json(["action", "show", id]) as? [String: Any])
        #expect(after["due"] as? String == "2023-07-11")
        #expect(after["due_derived"] as? Bool == false)
    }

    @Test func priorityTicketAndClearedFieldsAreRecordedAndExported() throws {
        let id = "2019-10-30-catalogue-elasticsearch-overload/cache-hit-alerts"
        // Resolved 2019-10-30T19:35Z: medium derives 2019-10-30 + 56 days = 2019-12-25, high + 28 = 2019-11-27.
        let updated = try run(["action", "update", id, "--priority", "high", "--ticket", "https://tracker.example/OPS-1",
                               "--clear", "owner", "--by", "ana"])
        #expect(updated.stderr == "")
        #expect(updated.status == 0)
        #expect(updated.stdout == "Updated \(id): owner cms-team → (none); priority medium → high; due 2019-12-25 → 2019-11-27; "
                + "ticket (none) → https://tracker.example/OPS-1.\n")
        let shown = try #require(try json(["action", "show", id]) as? [String: Any])
        #expect(shown["priority"] as? String == "high")
        #expect(shown["due"] as? String == "2019-11-27")
        #expect(shown["due_derived"] as? Bool == true)
        #expect(shown["ticket"] as? String == "https://tracker.example/OPS-1")
        #expect(shown["owner"] is NSNull)
        let fields = try #require(shown["history"] as? [[String: Any]]).suffix(4).map { $0["field"] as? String }
        #expect(fields == ["owner", "priority", "due", "ticket"])
        let exported = try run(["export", "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let actions = try #require((document["incidents"] as? [[String: Any]])?
            .first { $0["id"] as? String == "2019-10-30-catalogue-elasticsearch-overload" }?["actions"] as? [[String: Any]])
        let action = try #require(actions.first { $0["id"] as? String == "cache-hit-alerts" })
        #expect(action["priority"] as? String == "high")
        #expect(action["ticket"] as? String == "https://tracker.example/OPS-1")
        #expect(action["owner"] == nil)
        #expect(action["due"] == nil)
        // A written date, then cleared on the day it would be derived anyway: the history says which.
        #expect(try run(["action", "update", id, "--due", "2019-11-27"]).stdout
                == "Updated \(id): due 2019-11-27 (derived) → 2019-11-27.\n")
        #expect(try run(["action", "update", id, "--clear", "due", "--clear", "ticket"]).stdout
                == "Updated \(id): due 2019-11-27 → 2019-11-27 (derived); ticket https://tracker.example/OPS-1 → (none).\n")
        #expect(try run(["action", "update", id, "--clear", "owner"]).stdout == "No change: \(id) already has those values.\n")
    }

    @Test(arguments: [
        (["--owner", "sre", "--clear", "owner"], "error: --owner and --clear owner contradict each other; give one of them"),
        (["--due", "2020-01-01", "--clear", "due"], "error: --due and --clear due contradict each other; give one of them"),
        (["--clear", "title"], "error: --clear 'title' is not one of owner | due | ticket"),
        (["--priority", "urgent"], "error: --priority 'urgent' is not one of high | medium | low"),
        (["--ticket", ""], "error: --ticket needs a value; it may not be empty"),
    ])
    func contradictoryOrUnknownUpdatesAreRefusedAndWriteNothing(options: [String], message: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let refused = try run(["action", "update", "2019-10-30-catalogue-elasticsearch-overload/cache-hit-alerts"] + options)
        #expect(refused.status == 64)
        #expect(refused.stdout == "")
        #expect(refused.stderr.hasPrefix(message + "\n"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func anAddedActionGetsAnIDFromItsTitleAndGoesThroughExport() throws {
        let added = try run(["action", "add", Self.shortener, "--title", "Smoke-test every release", "--kind", "prevent",
                             "--priority", "high", "--addresses", "no-staging-step", "--owner", "web-team", "--by", "ana"])
        #expect(added.status == 0, "\(added.stderr)")
        // Resolved 2023-05-16, high: 2023-05-16 + 28 = 2023-06-13.
        #expect(added.stdout == "Added \(Self.shortener)/smoke-test-every-release: due 2023-06-13 (derived).\n")
        let second = try run(["action", "add", Self.shortener, "--title", "Smoke-test every release!", "--kind", "detect"])
        #expect(second.succeededQuietly, "\(second)")
        #expect(second.stdout.hasPrefix("Added \(Self.shortener)/smoke-test-every-release-2:"))
        let exported = try run(["export", "--format", "json"]).quietOutput()
        #expect(exported.contains("\"smoke-test-every-release\""))
        // The export goes into an empty knowledge base and comes out the same.
        let copy = sandbox.file("copy.sqlite")
        let imported = try Hindsight.run(["import", "--db", copy, "-"], stdin: Data(exported.utf8), home: sandbox.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Hindsight.run(["export", "--db", copy, "--format", "json"], home: sandbox.path).quietOutput() == exported)
    }

    /// `action add` today with a due date in 2019: on a day in 2019 the action did not exist yet,
    /// so neither `actions --overdue` nor `followup` counts it.
    @Test func anActionAddedTodayWasNotOverdueInThePast() throws {
        let added = try run(["action", "add", Self.shortener, "--id", "late-check", "--title", "Late check", "--kind", "detect",
                             "--due", "2019-01-05"])
        #expect(added.status == 0, "\(added.stderr)")
        let past = try run(["actions", "--overdue", "--as-of", "2019-01-25", "--format", "json"])
        #expect(past.status == 0)
        #expect(!past.stdout.contains("late-check"), "\(past.stdout)")
        let today = try run(["actions", "--overdue", "--format", "json"])
        #expect(today.succeededQuietly, "\(today)")
        #expect(today.stdout.contains("\(Self.shortener)/late-check"), "\(today.stdout)")
    }

    @Test(arguments: [
        (["action", "update", "\(shortener)/no-such-action", "--status", "open"], Int32(65), "no action with id '\(shortener)/no-such-action'"),
        (["action", "update", "\(shortener)/rolling-deploys", "--status", "finished"], Int32(64),
         "--status 'finished' is not one of open | in-progress | done | wont-do"),
        (["action", "update", "\(shortener)/rolling-deploys"], Int32(64), "nothing to change"),
        (["action", "update", shortener, "--status", "open"], Int32(64), "is not an action id; expected INCIDENT-ID/ACTION-ID"),
        // The form is right but a part is not an id: the message names that part and the rule.
        (["action", "update", "\(shortener)/Rolling-Deploys", "--status", "open"], Int32(64),
         "'\(shortener)/Rolling-Deploys' is not an action id: its action id 'Rolling-Deploys' is not a valid id; expected [a-z0-9]"),
        (["action", "show", "Incident/rolling-deploys"], Int32(64), "its incident id 'Incident' is not a valid id"),
        (["action", "update", "\(shortener)/rolling-deploys", "--due", "2024-13-01"], Int32(64),
         "--due: '2024-13-01' is not a date: month 13 does not exist"),
        (["action", "done", "\(shortener)/restore-json-load"], Int32(65), "the action is already done"),
        (["action", "done", "\(shortener)/rolling-deploys", "--at", "2999-01-01T00:00:00Z"], Int32(64), "--at 2999-01-01T00:00:00Z is in the future"),
        (["action", "done", "\(shortener)/rolling-deploys", "--at", "2023-05-16T13:00:00Z"], Int32(65), "is before the action was created"),
        (["action", "add", shortener, "--title", "X", "--kind", "fix"], Int32(64),
         "--kind: 'fix' is not one of prevent | mitigate | detect | process | investigate"),
        (["action", "add", shortener, "--title", "X", "--kind", "prevent", "--due", "2024-13-01"], Int32(64), "--due: '2024-13-01' is not a date"),
        (["action", "add", shortener, "--title", "X", "--kind", "prevent", "--addresses", "nope"], Int32(65),
         "--addresses: incident '\(shortener)' has no factor 'nope'; its factors: json-loads-on-file"),
        (["action", "add", "no-such-incident", "--title", "X", "--kind", "prevent"], Int32(65), "no incident with id 'no-such-incident'"),
        // As 'action update --owner ""' refuses it; an empty owner was stored, and no filter found it.
        (["action", "add", shortener, "--title", "X", "--kind", "prevent", "--owner", ""], Int32(64),
         "--owner needs a value; it may not be empty"),
        (["action", "add", shortener, "--title", "X", "--kind", "prevent", "--ticket", ""], Int32(64),
         "--ticket needs a value; it may not be empty"),
        (["action", "add", shortener, "--id", "rolling-deploys", "--title", "X", "--kind", "prevent"], Int32(65),
         "there is already an action '\(shortener)/rolling-deploys'"),
        (["actions", "--as-of", "2024-13-01"], Int32(64), "--as-of: '2024-13-01' is not a date"),
        (["actions", "--status", "closed"], Int32(64), "--status 'closed' is not one of"),
        (["followup", "--by", "colour"], Int32(64), "--by 'colour' is not one of owner | team | kind | priority"),
        (["action", "update", "\(shortener)/rolling-deploys", "--status", "done", "--by", ""], Int32(64),
         "--by needs a value; it may not be empty"),
        (["import", "--replace", "--by", "", "-"], Int32(64), "--by needs a value; it may not be empty"),
        (["followup", "--since", "2020-01-01", "--until", "2019-01-01"], Int32(64), "--until 2019-01-01 is before --since 2020-01-01"),
    ])
    func badInputExitsWithAMessageAndChangesNothing(arguments: [String], status: Int32, message: String) throws {
        let before = sandbox.bytes("demo.sqlite")
        let exportBefore = try run(["export"]).quietOutput()
        let result = try run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(sandbox.bytes("demo.sqlite") == before)
        #expect(try run(["export"]).quietOutput() == exportBefore)
    }

    @Test func followupOverTheYear2019() throws {
        let result = try #require(try json(["followup", "--since", "2019-01-01", "--until", "2019-12-31", "--by", "priority"])
                                  as? [String: Any])
        let total = try #require(result["total"] as? [String: Any])
        // The catalogue incident (started 2019-10-30T18:00Z, resolved that day) brought 11
        // actions; 8 were done between 30 October and 8 November 2019, all before their due days
        // (high 27 November, medium 25 December). Open on 31 December: its upgrade (high, 34 days
        // overdue: 3 + 31), end-to-end tests (medium, 6 days) and a low-priority one with no due
        // date, plus the three open actions of the 2018 image-api incident (due October and
        // November 2018, over 90 days overdue): 6 open, 5 overdue.
        #expect(total["created"] as? Int == 11)
        #expect(total["completed"] as? Int == 8)
        #expect(total["open"] as? Int == 6)
        #expect(total["overdue"] as? Int == 5)
        let ageing = try #require(total["overdue_ageing"] as? [String: Any])
        #expect(ageing["up_to_30_days"] as? Int == 1 && ageing["31_to_90_days"] as? Int == 1 && ageing["over_90_days"] as? Int == 3)
        // Days to complete from 18:00Z on 30 October: 0.5 h, 2.25 h, five at 17:00Z on 1 November
        // (47 h) and one at 17:00Z on 8 November (215 h). Sorted, the median lies between the 4th
        // and 5th (both 47 h = 1.958333 d); the p90 at rank 0.9 × 7 = 6.3, between 47 h and 215 h:
        // 47 + 0.3 × 168 = 97.4 h = 4.058333 d.
        #expect(abs((total["median_days_to_complete"] as? Double ?? 0) - 47.0 / 24) < 1e-9)
        #expect(abs((total["p90_days_to_complete"] as? Double ?? 0) - 97.4 / 24) < 1e-9)
        #expect(abs((total["completion_rate"] as? Double ?? 0) - 8.0 / 11) < 1e-12)
        #expect(total["on_time_rate"] as? Double == 1)
        let groups = try #require(result["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["group"] as? String } == groups.compactMap { $0["group"] as? String }.sorted())
        #expect(groups.map { $0["created"] as? Int ?? 0 }.reduce(0, +) == 11)
    }

    @Test func theReportCarriesTheSameFollowThrough() throws {
        let report = try #require(try json(["report", "--year", "2019"]) as? [String: Any])
        let followThrough = try #require(report["follow_through"] as? [String: Any])
        #expect(followThrough["as_of_day"] as? String == "2019-12-31")
        let fromReport = try #require(followThrough["total"] as? [String: Any])
        let fromFollowup = try #require((try json(["followup", "--since", "2019-01-01", "--until", "2019-12-31"]) as? [String: Any])?["total"]
                                        as? [String: Any])
        #expect(NSDictionary(dictionary: fromReport).isEqual(to: fromFollowup))
        for format in ["table", "markdown", "html"] {
            let text = try run(["report", "--year", "2019", "--format", format]).quietOutput()
            #expect(text.contains("Follow-through on actions"), "\(format)")
            #expect(text.contains("did not prevent a repeat"), "\(format)")
        }
        let csvRun = try run(["report", "--year", "2019", "--format", "csv"])
        #expect(csvRun.succeededQuietly, "\(csvRun)")
        let csv = csvRun.stdout
        #expect(csv.split(separator: "\r\n").first?.hasSuffix(",did_not_prevent_repeat") == true)
        // Every row ends with the year's figures: 11 created, 8 done, 8/11, all on time, the
        // days above, 6 open, 5 overdue (1, 1, 3 by age), none flagged.
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        let expected = [11, 8, 8.0 / 11, 1, 47.0 / 24, 97.4 / 24, 6, 5, 1, 1, 3, 0]
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).suffix(expected.count).map { Double($0) ?? -1 }
            #expect(zip(cells, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(row)")
        }
    }

    /// On a day before an incident began, its factors are no gap yet: as of the end of 2016 only
    /// the 2016 near miss had happened, and of its factors only the review gap lacks an action.
    @Test func gapsAsOfADayLeaveOutIncidentsThatHadNotStarted() throws {
        let gaps = try #require(try json(["gaps", "--as-of", "2016-12-31"]) as? [String: Any])
        let factors = try #require(gaps["unaddressed_factors"] as? [[String: Any]])
        #expect(factors.compactMap { $0["factor"] as? String } == ["review-missed-bug"])
        // On the day it started it counts, not on the day before.
        let onTheDay = try #require(try json(["gaps", "--as-of", "2018-09-12"]) as? [String: Any])
        #expect((onTheDay["unaddressed_factors"] as? [[String: Any]])?.contains { $0["factor"] as? String == "sync-tool-strict" } == true)
        let before = try #require(try json(["gaps", "--as-of", "2018-09-11"]) as? [String: Any])
        #expect((before["unaddressed_factors"] as? [[String: Any]])?.contains { $0["factor"] as? String == "sync-tool-strict" } == false)
        let csv = try run(["gaps", "--as-of", "2016-12-31", "--format", "csv"])
        #expect(csv.succeededQuietly, "\(csv)")
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "\(csv.stdout)")
    }

    @Test func gapsAsOfAPastDay() throws {
        let gaps = try #require(try json(["gaps", "--as-of", "2024-01-01"]) as? [String: Any])
        let factors = try #require(gaps["unaddressed_factors"] as? [[String: Any]])
        #expect(factors.contains { $0["incident"] as? String == "2018-09-12-image-api-overlay-and-hotfix"
                                   && $0["factor"] as? String == "sync-tool-strict" })
        #expect((gaps["incidents_without_actions"] as? [Any])?.isEmpty == true)
    }

    /// An action added today with `action add` was not there on a past day: as of then its
    /// incident still had no action and its factor none addressing it; as of today both gaps are closed.
    @Test func gapsAsOfAPastDayLeaveOutAnActionAddedLater() throws {
        let file = try sandbox.write("silent.yaml", """
            version: 1
            incidents:
              - id: 2024-01-05-silent
                title: Nobody wrote an action
                started_at: 2024-01-05T09:00:00Z
                resolved_at: 2024-01-05T10:00:00Z
                impacts: [{service: catalogue-api}]
                factors: [{id: no-runbook, title: No runbook, cause: process/runbook}]
            """)
        #expect(try run(["import", file]).status == 0)
        let added = try run(["action", "add", "2024-01-05-silent", "--title", "Write the runbook", "--kind", "process",
                             "--addresses", "no-runbook", "--by", "ana"])
        #expect(added.status == 0, "\(added.stderr)")
        func gaps(_ day: [String]) throws -> (factors: [String], incidents: [String]) {
            let gaps = try #require(try json(["gaps"] + day) as? [String: Any])
            let factors = try #require(gaps["unaddressed_factors"] as? [[String: Any]])
            let incidents = try #require(gaps["incidents_without_actions"] as? [[String: Any]])
            return (factors.compactMap { $0["incident"] as? String == "2024-01-05-silent" ? $0["factor"] as? String : nil },
                    incidents.compactMap { $0["incident"] as? String })
        }
        // 5 January to 1 March 2024 is 56 days, past the 30-day grace.
        #expect(try gaps(["--as-of", "2024-03-01"]) == (["no-runbook"], ["2024-01-05-silent"]))
        #expect(try gaps([]) == ([], []))
    }

    /// `actions --as-of` a past day lists the actions as they stood then: one added with `action
    /// add` today is left out (it was listed, not overdue), though its due date is before the
    /// day; without `--as-of` it is listed, overdue. An imported action counts from its
    /// incident's start: the flask incident began at 22:23 UTC on 1 February 2021.
    @Test func unownedActionsStillOpen() throws {
        // The seeds give no owner to 14 actions; 6 of them are still open (none is in progress):
        // catalogue's look-past-first-fix, flask's testing-protocol, docker-test-sandboxes and
        // two-person-signoff, the shortener's rolling-deploys and graceful-degradation.
        let listed = try #require(try json(["actions", "--unowned", "--status", "open", "--status", "in-progress"]) as? [[String: Any]])
        let expected: Set<String> = [
            "2019-10-30-catalogue-elasticsearch-overload/look-past-first-fix", "\(Self.flask)/testing-protocol",
            "\(Self.flask)/docker-test-sandboxes", "\(Self.flask)/two-person-signoff", "\(Self.shortener)/rolling-deploys",
            "\(Self.shortener)/graceful-degradation",
        ]
        #expect(Set(listed.compactMap { $0["id"] as? String }) == expected)
        #expect(listed.count == 6)
        #expect(listed.allSatisfy { $0["owner"] is NSNull })
        let all = try #require(try json(["actions", "--unowned"]) as? [[String: Any]])
        #expect(all.count == 14)
        // Once owned, an action leaves the list.
        #expect(try run(["action", "update", "\(Self.shortener)/rolling-deploys", "--owner", "web-team"]).status == 0)
        #expect((try json(["actions", "--unowned"]) as? [[String: Any]])?.count == 13)
        let both = try run(["actions", "--unowned", "--owner", "web-team"])
        #expect(both.status == 64)
        #expect(both.stdout == "")
        #expect(both.stderr.hasPrefix("error: give --owner or --unowned, not both\n"), "\(both.stderr)")
    }

    @Test func actionsAsOfAPastDayLeaveOutAnActionAddedLater() throws {
        let file = try sandbox.write("silent.yaml", """
            version: 1
            incidents:
              - id: 2024-01-05-silent
                title: Nobody wrote an action
                started_at: 2024-01-05T09:00:00Z
                resolved_at: 2024-01-05T10:00:00Z
                impacts: [{service: catalogue-api}]
            """)
        #expect(try run(["import", file]).status == 0)
        let added = try run(["action", "add", "2024-01-05-silent", "--title", "Write the runbook", "--kind", "process",
                             "--due", "2024-02-01", "--by", "ana"])
        #expect(added.status == 0, "\(added.stderr)")
        func listed(_ arguments: [String]) throws -> [String] {
            try #require(try json(["actions"] + arguments) as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
        #expect(try listed(["--incident", "2024-01-05-silent", "--as-of", "2024-03-01"]) == [])
        let table = try run(["actions", "--incident", "2024-01-05-silent", "--as-of", "2024-03-01"])
        #expect(table.status == 0)
        #expect(table.stdout.isEmpty)
        #expect(table.stderr == "No actions match.\n")
        let today = try #require(try json(["actions", "--incident", "2024-01-05-silent"]) as? [[String: Any]])
        #expect(today.compactMap { $0["id"] as? String } == ["2024-01-05-silent/write-the-runbook"])
        #expect(today.first?["overdue"] as? Bool == true)
        #expect(try listed(["--incident", Self.flask, "--as-of", "2021-01-31"]) == [])
        #expect(try listed(["--incident", Self.flask, "--as-of", "2021-02-01"]).count == 5)
    }

    /// A postmortem's action counts as created when its incident started, so one completed before
    /// that is refused on import (it made `followup` report -1 days to complete for this one); at
    /// the incident's start it goes in, done in 0 days.
    @Test func importRefusesAnActionCompletedBeforeItsIncidentStarted() throws {
        func incident(completedAt: String) throws -> String {
            try sandbox.write("early.yaml", """
                version: 1
                incidents:
                  - id: 2024-01-10-early
                    title: Done before it began
                    started_at: 2024-01-10T10:00:00Z
                    resolved_at: 2024-01-10T12:00:00Z
                    actions:
                      - {id: fix, title: Fix, kind: prevent, status: done, completed_at: \(completedAt)}
                """)
        }
        let early = try run(["import", try incident(completedAt: "2024-01-09T10:00:00Z")])
        #expect(early.status == 65)
        #expect(early.stderr.contains("early.yaml:8:74: "))
        #expect(early.stderr.contains("incidents[0].actions[0].completed_at: 2024-01-09T10:00:00Z is before the incident's "
                                      + "started_at 2024-01-10T10:00:00Z"), "\(early.stderr)")
        #expect(try run(["incident", "show", "2024-01-10-early"]).status == 65)
        #expect(try run(["import", try incident(completedAt: "2024-01-10T10:00:00Z")]).status == 0)
        let year = try #require(try json(["followup", "--since", "2024-01-01", "--until", "2024-12-31"]) as? [String: Any])
        let total = try #require(year["total"] as? [String: Any])
        #expect(total["completed"] as? Int == 1)
        #expect(total["median_days_to_complete"] as? Double == 0)
    }

    /// An action added to an incident dated ahead (a year typed wrong) cannot be closed now: the
    /// completion would lie before the incident began, which the import refuses, so the knowledge
    /// base's own export would no longer import. Nothing is written; at the start it would be.
    @Test func anActionOfAnIncidentDatedAheadIsNotClosedBeforeItBegins() throws {
        let ahead = try sandbox.write("ahead.yaml", """
            version: 1
            incidents:
              - {id: 2999-01-10-ahead, title: Dated ahead, started_at: 2999-01-10T10:00:00Z}
            """)
        #expect(try run(["import", ahead]).status == 0)
        #expect(try run(["action", "add", "2999-01-10-ahead", "--id", "fix", "--title", "Fix", "--kind", "prevent"]).status == 0)
        let before = try run(["export"]).quietOutput()
        for arguments in [["action", "done", "2999-01-10-ahead/fix"],
                          ["action", "update", "2999-01-10-ahead/fix", "--status", "wont-do"]] {
            let refused = try run(arguments)
            #expect(refused.status == 65, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("would be before the incident's started_at 2999-01-10T10:00:00Z; an action cannot be "
                                            + "completed before its incident began"), "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
        let after = try run(["export"])
        #expect(after.succeededQuietly, "\(after)")
        #expect(after.stdout == before)
        // The export still imports into a new file, as it would not with a completion before the start.
        let copy = try sandbox.write("copy.yaml", after.stdout)
        #expect(try Hindsight.run(["import", copy, "--db", sandbox.file("copy.sqlite")], home: sandbox.path).status == 0)
    }
}
