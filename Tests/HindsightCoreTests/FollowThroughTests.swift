import Testing
@testable import HindsightCore

/// Follow-through figures against a small history counted by hand.
struct FollowThroughTests {
    func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }
    func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    /// Five actions of one incident resolved 2024-01-01T12:00Z (derived due: high 2024-01-29, medium 2024-02-26).
    func actions() throws -> [TrackedAction] {
        func make(_ id: String, created: String, priority: ActionPriority = .medium, status: ActionStatus = .open,
                  completed: String? = nil, owner: String? = nil, due: String? = nil, teams: [String] = ["web"]) throws -> TrackedAction {
            TrackedAction(incidentID: "inc",
                          action: RemediationAction(id: id, title: id, kind: .prevent, owner: owner, priority: priority,
                                                    due: try due.map(day), status: status, completedAt: try completed.map(instant)),
                          incidentStartedAt: try instant("2024-01-01T10:00:00Z"),
                          incidentResolvedAt: try instant("2024-01-01T12:00:00Z"), createdAt: try instant(created), teams: teams)
        }
        return [
            // Done 10 days after creation, before its due day (2024-01-29): on time.
            try make("fast", created: "2024-01-01T10:00:00Z", priority: .high, status: .done,
                     completed: "2024-01-11T10:00:00Z", owner: "ana"),
            // Done on 2024-03-01, after its due day 2024-02-26: late; 60 days after creation.
            try make("late", created: "2024-01-01T10:00:00Z", status: .done, completed: "2024-03-01T10:00:00Z", owner: "ana"),
            // Low priority, no due: done, but not in the on-time rate; 15 days.
            try make("no-due", created: "2024-01-16T10:00:00Z", priority: .low, status: .done,
                     completed: "2024-01-31T10:00:00Z", owner: "bo", teams: []),
            // Open, due 2024-01-29: on 2024-03-31 it is 62 days overdue.
            try make("stale", created: "2024-01-01T10:00:00Z", priority: .high, owner: "bo"),
            // wont-do on 2024-02-10: not completed; closed before the as-of day, so neither open nor overdue.
            try make("dropped", created: "2024-02-01T10:00:00Z", status: .wontDo, completed: "2024-02-10T00:00:00Z"),
            // Created after the period.
            try make("later", created: "2024-04-05T10:00:00Z", due: "2024-04-06"),
        ]
    }

    @Test func figuresOverTheFirstQuarter() throws {
        let period = FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-03-31"))
        let result = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: nil)
        let figures = result.total
        #expect(figures.created == 5)                 // all but "later"
        #expect(figures.completed == 3)               // fast, late, no-due (dropped is wont-do)
        #expect(figures.createdAndCompleted == 3)
        #expect(figures.completionRate == 0.6)        // 3 / 5
        #expect(figures.completedWithDue == 2)        // fast, late
        #expect(figures.completedOnTime == 1)         // fast
        #expect(figures.onTimeRate == 0.5)
        // Days to complete 10, 60, 15 → sorted 10, 15, 60: median 15; p90 at rank 0.9 × 2 = 1.8:
        // 15 + 0.8 × (60 − 15) = 51.
        #expect(figures.daysToComplete.median == 15)
        #expect(abs((figures.daysToComplete.p90 ?? 0) - 51) < 1e-9)
        #expect(figures.open == 1)                    // stale
        #expect(figures.overdue == 1)
        // 2024-03-31 − 2024-01-29 = 2 (Jan) + 29 (Feb) + 31 (Mar) = 62 days: the 31–90 bucket.
        #expect(figures.ageing == { var a = OverdueAgeing(); a.from31To90Days = 1; return a }())
    }

    @Test func openActionsKnownOnlyByTheirDueDateCountAsOpenAndOverdue() throws {
        let period = FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-03-31"))
        let alsoOpen = [
            // Due 2024-03-30: on 2024-03-31, 1 day overdue, three of them: the 1–30 bucket.
            OpenActionCount(status: .open, effectiveDue: try day("2024-03-30"), count: 3),
            // Due 2023-12-01: 31 (Dec) + 31 (Jan) + 29 (Feb) + 30 = 121 days overdue: over 90.
            OpenActionCount(status: .inProgress, effectiveDue: try day("2023-12-01"), count: 2),
            // Due on the as-of day itself: not yet overdue (due must be before the day).
            OpenActionCount(status: .open, effectiveDue: try day("2024-03-31"), count: 4),
            // No due date: never overdue.
            OpenActionCount(status: .open, effectiveDue: nil, count: 5),
        ]
        let plain = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: nil).total
        let figures = FollowThroughBuilder.build(actions: try actions(), alsoOpen: alsoOpen, ineffective: [],
                                                 period: period, grouping: nil).total
        // The actions read whole give open 1, overdue 1 (stale, 31–90); the counts add 3 + 2 + 4 + 5 = 14
        // open and 3 + 2 = 5 overdue.
        #expect(figures.open == 15)
        #expect(figures.overdue == 6)
        #expect(figures.ageing == { var a = OverdueAgeing(); a.upTo30Days = 3; a.from31To90Days = 1; a.over90Days = 2; return a }())
        // Nothing else changes: they were created before the period and are not done.
        #expect(figures.created == plain.created && figures.completed == plain.completed
                && figures.daysToComplete == plain.daysToComplete && figures.didNotPreventRepeat == plain.didNotPreventRepeat)
    }

    @Test func theAsOfDayDecidesWhatWasOpenAndOverdue() throws {
        // Judged on 2024-02-10: late (due 2024-02-26) is open, not overdue; stale is 12 days overdue;
        // dropped was closed that very day, so it still counts as open; it has no due before then.
        let period = FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-02-10"))
        let figures = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: nil).total
        #expect(figures.open == 3)                    // late, stale, dropped
        #expect(figures.overdue == 1)
        #expect(figures.ageing.upTo30Days == 1)
        #expect(figures.completed == 2)               // fast, no-due; late is done after the period
        #expect(figures.createdAndCompleted == 2)
        #expect(figures.completionRate == 0.4)        // 2 of the 5 created by 2024-02-10
    }

    @Test func groupsSplitTheTotal() throws {
        let period = FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-03-31"))
        let byOwner = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: .owner)
        #expect(byOwner.groups.map(\.label) == ["(no owner)", "ana", "bo"])
        #expect(byOwner.groups.map(\.figures.created) == [1, 2, 2])
        let byTeam = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: .team)
        #expect(byTeam.groups.map(\.label) == ["(no team)", "web"])
        #expect(byTeam.groups.map(\.figures.completed) == [1, 2])
    }

    @Test func groupsWithNothingToCountAreLeftOut() throws {
        // 2024-01-01 to 2024-01-10, judged on 2024-01-10. ana: fast and late were created on 1 January
        // and are open on the 10th (fast is done only on the 11th), due 2024-01-29 and 2024-02-26, so
        // not overdue: created 2, open 2. bo: stale likewise (created 1, open 1); no-due comes on the
        // 16th. (no owner): dropped (1 February) and later (5 April) come after the period and count
        // in no figure, so the group is left out. By team, no-due alone has no team: left out too.
        let period = FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-01-10"))
        let byOwner = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: .owner)
        #expect(byOwner.groups.map(\.label) == ["ana", "bo"])
        #expect(byOwner.groups.map(\.figures.created) == [2, 1])
        #expect(byOwner.groups.map(\.figures.open) == [2, 1])
        #expect(byOwner.total.created == 3 && byOwner.total.open == 3)
        let byTeam = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: .team)
        #expect(byTeam.groups.map(\.label) == ["web"])
    }

    @Test func flaggedActionsCountWhenTheirRepeatBeganInThePeriod() throws {
        let earlier = FactorOccurrence(incidentID: "inc", factorID: "f", cause: "cache", incidentStartedAt: try instant("2024-01-01T10:00:00Z"),
                                       services: ["api"])
        let repeatLink = RepeatLink(earlier: earlier,
                                    later: FactorOccurrence(incidentID: "again", factorID: "g", cause: "cache",
                                                            incidentStartedAt: try instant("2024-04-01T00:00:00Z"), services: ["api"]),
                                    sharedServices: ["api"])
        let finding = IneffectiveAction(actionGlobalID: "inc/fast", factor: earlier,
                                        lastCompletedAt: try instant("2024-01-11T10:00:00Z"), repeatLink: repeatLink)
        let quarter1 = FollowThroughBuilder.build(actions: try actions(), ineffective: [finding],
                                                  period: FollowThroughPeriod(first: try day("2024-01-01"), last: try day("2024-03-31")),
                                                  grouping: nil)
        #expect(quarter1.didNotPreventRepeat.isEmpty)     // the repeat began on 1 April
        let quarter2 = FollowThroughBuilder.build(actions: try actions(), ineffective: [finding],
                                                  period: FollowThroughPeriod(first: try day("2024-04-01"), last: try day("2024-06-30")),
                                                  grouping: nil)
        #expect(quarter2.didNotPreventRepeat == [finding])
        #expect(quarter2.total.didNotPreventRepeat == 1)
    }

    @Test func aReportPeriodIsJudgedOnItsLastDay() throws {
        // A quarter in Prague ends at 2024-03-31T22:00Z (summer time): its last UTC day is 31 March.
        let span = InstantSpan(start: try instant("2023-12-31T23:00:00Z"), end: try instant("2024-03-31T22:00:00Z"))
        #expect(FollowThroughPeriod(reportSpan: span, asOf: span.end).asOfDay == (try day("2024-03-31")))
        // Cut off at a midnight: the day before it.
        #expect(FollowThroughPeriod(reportSpan: span, asOf: try instant("2024-02-01T00:00:00Z")).asOfDay == (try day("2024-01-31")))
    }

    @Test func aReportCutAtAnInstantLeavesOutActionsCreatedAfterIt() throws {
        // The first quarter cut at 2024-02-01T09:00Z, judged on 1 February. dropped was created at
        // 10:00 that day, after the cut: not created in the period, and not open in it either,
        // though its UTC day is the judged day (it was open then, closed only on the 10th).
        let quarter = InstantSpan(start: try instant("2024-01-01T00:00:00Z"), end: try instant("2024-04-01T00:00:00Z"))
        let period = FollowThroughPeriod(reportSpan: quarter, asOf: try instant("2024-02-01T09:00:00Z"))
        #expect(period.asOfDay == (try day("2024-02-01")))
        let figures = FollowThroughBuilder.build(actions: try actions(), ineffective: [], period: period, grouping: nil).total
        #expect(figures.created == 4)                 // fast, late, stale (1 January), no-due (16 January)
        // fast (done 11 January) and no-due (done 31 January) were closed before 1 February: open are
        // late (done 1 March) and stale; stale, due 2024-01-29, is 3 days overdue (29 January → 1 February).
        #expect(figures.open == 2)
        #expect(figures.overdue == 1 && figures.ageing.upTo30Days == 1)
    }

    @Test func ageingBucketBoundaries() {
        var ageing = OverdueAgeing()
        for days in [1, 30, 31, 90, 91] { ageing.add(daysOverdue: days) }
        #expect(ageing.upTo30Days == 2 && ageing.from31To90Days == 2 && ageing.over90Days == 1)
    }

    @Test func incidentsGetThirtyDaysBeforeTheyCountAsWithoutActions() throws {
        let started = try instant("2024-01-01T23:30:00Z")
        #expect(!RemediationGaps.isPastGrace(startedAt: started, on: try day("2024-01-31")))   // 30 days
        #expect(RemediationGaps.isPastGrace(startedAt: started, on: try day("2024-02-01")))    // 31 days
    }
}

/// A follow-through period without a first day reaches back before any instant a file can hold.
struct FollowThroughPeriodTests {
    @Test func anOpenStartCoversTheEarliestWritableInstant() throws {
        let period = FollowThroughPeriod(first: nil, last: try CalendarDate(parsing: "2024-01-01"))
        #expect(period.isOpenStart)
        // The earliest instant the format can hold: an instant must fall within 0001–9999 in UTC.
        #expect(period.span.contains(try Instant(parsing: "0001-01-01T00:00:00Z")))
        #expect(!FollowThroughPeriod(first: try CalendarDate(parsing: "2023-01-01"), last: try CalendarDate(parsing: "2024-01-01")).isOpenStart)
    }
}
