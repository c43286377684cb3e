import Testing
@testable import HindsightCore

/// The default due dates and the overdue rule of the interchange format, on both sides of every boundary.
struct ActionDueTests {
    /// 2019-10-30T20:35:00+01:00, i.e. 19:35 UTC on 2019-10-30 (`date -u -d 2019-10-30T19:35:00Z +%s`).
    let resolved = Instant(millisecondsSinceEpoch: 1_572_464_100_000)

    func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    @Test func dueIsDerivedFromTheUTCDayOfResolution() throws {
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high)
                    .effectiveDue(incidentResolvedAt: resolved) == (try day("2019-11-27")))
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .medium)
                    .effectiveDue(incidentResolvedAt: resolved) == (try day("2019-12-25")))
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .low)
                    .effectiveDue(incidentResolvedAt: resolved) == nil)
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high)
                    .effectiveDue(incidentResolvedAt: nil) == nil)
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .low, due: try day("2020-01-01"))
                    .effectiveDue(incidentResolvedAt: resolved) == (try day("2020-01-01")))
        // Resolved late in the evening at -08:00 is already the next day in UTC.
        let lateResolution = try Instant(parsing: "2019-10-30T23:30:00-08:00")
        #expect(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high)
                    .effectiveDue(incidentResolvedAt: lateResolution) == (try day("2019-11-28")))
    }

    @Test func openActionIsOverdueOnlyAfterItsDueDay() throws {
        let action = RemediationAction(id: "a", title: "t", kind: .prevent, due: try day("2019-11-27"))
        #expect(!action.isOverdue(on: try day("2019-11-26"), incidentResolvedAt: resolved))
        #expect(!action.isOverdue(on: try day("2019-11-27"), incidentResolvedAt: resolved))
        #expect(action.isOverdue(on: try day("2019-11-28"), incidentResolvedAt: resolved))
        var inProgress = action
        inProgress.status = .inProgress
        #expect(inProgress.isOverdue(on: try day("2019-11-28"), incidentResolvedAt: resolved))
    }

    @Test func closedActionIsOverdueOnDaysItWasStillOpen() throws {
        var action = RemediationAction(id: "a", title: "t", kind: .prevent, due: try day("2019-11-27"),
                                       status: .done, completedAt: try Instant(parsing: "2019-11-28T00:00:00Z"))
        // Completed at the very start of 28 November: not before that day, so overdue on it.
        #expect(action.isOverdue(on: try day("2019-11-28"), incidentResolvedAt: resolved))
        #expect(!action.isOverdue(on: try day("2019-11-29"), incidentResolvedAt: resolved))
        // Completed a minute earlier, on 27 November: never overdue.
        action.completedAt = try Instant(parsing: "2019-11-27T23:59:00Z")
        #expect(!action.isOverdue(on: try day("2019-11-28"), incidentResolvedAt: resolved))
        // wont-do counts as closed the same way.
        action.status = .wontDo
        action.completedAt = try Instant(parsing: "2019-12-10T12:00:00Z")
        #expect(action.isOverdue(on: try day("2019-12-10"), incidentResolvedAt: resolved))
        #expect(!action.isOverdue(on: try day("2019-12-11"), incidentResolvedAt: resolved))
    }

    @Test func closedActionWithoutCompletionTimeIsNeverOverdue() throws {
        let action = RemediationAction(id: "a", title: "t", kind: .prevent, due: try day("2019-11-27"), status: .done)
        #expect(!action.isOverdue(on: try day("2030-01-01"), incidentResolvedAt: resolved))
    }
}

/// The boundaries of the derived due dates and of the overdue rule for past days, through
/// ``TrackedAction`` as `actions --as-of` and `followup` use it.
struct TrackedActionDueTests {
    func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }
    func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    func tracked(_ action: RemediationAction, resolved: String?) throws -> TrackedAction {
        TrackedAction(incidentID: "i", action: action, incidentStartedAt: try instant("2024-01-01T00:00:00Z"),
                      incidentResolvedAt: try resolved.map(instant), createdAt: try instant("2024-01-01T00:00:00Z"), teams: [])
    }

    @Test func derivedDueFollowsTheUTCDayOfResolutionOnBothSidesOfMidnight() throws {
        let high = RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high)
        // Resolved in the last millisecond of 31 January (UTC): 31 Jan + 28 days = 28 February 2024.
        #expect(try tracked(high, resolved: "2024-01-31T23:59:59.999Z").effectiveDue == (try day("2024-02-28")))
        // One millisecond later it is 1 February: 1 Feb + 28 = 29 February (2024 is a leap year).
        #expect(try tracked(high, resolved: "2024-02-01T00:00:00Z").effectiveDue == (try day("2024-02-29")))
        // Medium: 1 Feb + 56 days = 28 March.
        let medium = RemediationAction(id: "a", title: "t", kind: .prevent)
        #expect(try tracked(medium, resolved: "2024-02-01T00:00:00Z").effectiveDue == (try day("2024-03-28")))
        // A written due date wins even over low priority; derived ones are marked as such.
        let written = RemediationAction(id: "a", title: "t", kind: .prevent, priority: .low, due: try day("2024-05-01"))
        #expect(try tracked(written, resolved: nil).effectiveDue == (try day("2024-05-01")))
        #expect(try !tracked(written, resolved: nil).isDueDerived)
        #expect(try tracked(medium, resolved: "2024-02-01T00:00:00Z").isDueDerived)
    }

    /// Added on 2024-03-10 with a due date of 2024-02-01: overdue from the day it exists, not before.
    @Test func anActionIsNotOverdueOnADayBeforeItWasCreated() throws {
        let action = RemediationAction(id: "late", title: "t", kind: .detect, due: try day("2024-02-01"))
        let added = TrackedAction(incidentID: "i", action: action, incidentStartedAt: try instant("2024-01-01T00:00:00Z"),
                                  incidentResolvedAt: nil, createdAt: try instant("2024-03-10T15:00:00Z"), teams: [])
        #expect(!added.isOverdue(on: try day("2024-03-09")))
        #expect(added.daysOverdue(on: try day("2024-03-09")) == nil)
        // On its creation day it is 38 days past 1 February (29 days of February, 9 of March).
        #expect(added.daysOverdue(on: try day("2024-03-10")) == 38)
    }

    @Test func unresolvedIncidentGivesNoDueDateAndNothingOverdue() throws {
        let high = try tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high), resolved: nil)
        #expect(high.effectiveDue == nil)
        #expect(!high.isDueDerived)
        #expect(!high.isOverdue(on: try day("2099-01-01")))
        #expect(high.daysOverdue(on: try day("2099-01-01")) == nil)
    }

    @Test func daysOverdueCountFromTheDayAfterTheDueDay() throws {
        // Resolved 2024-02-01, high: due 2024-02-29.
        let action = try tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high),
                                 resolved: "2024-02-01T09:00:00Z")
        #expect(action.daysOverdue(on: try day("2024-02-29")) == nil)   // the due day itself
        #expect(action.daysOverdue(on: try day("2024-03-01")) == 1)     // 1 March − 29 February
        #expect(action.daysOverdue(on: try day("2024-05-29")) == 90)    // 1 + 31 (Mar) + 30 (Apr) + 28
    }

    @Test func aPastDayIsJudgedByWhetherTheActionWasStillOpenThen() throws {
        // Done at 10:00 on 10 March 2024, due 29 February.
        let done = try tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high, status: .done,
                                                 completedAt: try instant("2024-03-10T10:00:00Z")),
                               resolved: "2024-02-01T09:00:00Z")
        #expect(done.isOverdue(on: try day("2024-03-09")))              // still open then
        #expect(done.daysOverdue(on: try day("2024-03-10")) == 10)      // completed that day: not before it
        #expect(!done.isOverdue(on: try day("2024-03-11")))             // completed before 11 March
        #expect(done.wasOpen(on: try day("2024-03-10")))
        #expect(!done.wasOpen(on: try day("2024-03-11")))
        // wont-do closes the same way; without a completion time it was never open nor overdue.
        let wontDo = try tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high, status: .wontDo),
                                 resolved: "2024-02-01T09:00:00Z")
        #expect(!wontDo.isOverdue(on: try day("2024-03-01")))
        #expect(!wontDo.wasOpen(on: try day("2024-03-01")))
        // An in-progress action on its due day is not overdue, the next day it is.
        let inProgress = try tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .high, status: .inProgress),
                                     resolved: "2024-02-01T09:00:00Z")
        #expect(!inProgress.isOverdue(on: try day("2024-02-29")))
        #expect(inProgress.isOverdue(on: try day("2024-03-01")))
    }

    @Test func listingOrderIsMostOverdueThenDueDateThenID() throws {
        func action(_ id: String, due: String?, status: ActionStatus = .open) throws -> TrackedAction {
            try tracked(RemediationAction(id: id, title: "t", kind: .prevent, priority: .low, due: try due.map(day), status: status),
                        resolved: nil)
        }
        let actions = [try action("no-due", due: nil), try action("b-later", due: "2024-06-01"),
                       try action("a-later", due: "2024-06-01"), try action("old", due: "2024-01-01"),
                       try action("older", due: "2023-12-01"), try action("closed", due: "2023-01-01", status: .wontDo)]
        // On 2024-03-01: older is 91 days overdue, old 60; the rest are not overdue and follow by due date.
        let order = OverdueOrder.sorted(actions, on: try day("2024-03-01")).map(\.action.id)
        #expect(order == ["older", "old", "closed", "a-later", "b-later", "no-due"])
    }
}
