import Testing
@testable import HindsightCore

/// The default due dates and the overdue rule of interchange.md, on both sides of every boundary.
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
