import Testing
@testable import HindsightCore

/// What `action update` and `action done` do to an action and record in its history.
struct ActionChangeTests {
    let started = Instant(millisecondsSinceEpoch: 1_704_103_200_000)   // 2024-01-01T10:00:00Z
    let now = Instant(millisecondsSinceEpoch: 1_709_287_200_000)       // 2024-03-01T10:00:00Z

    func tracked(_ action: RemediationAction) -> TrackedAction {
        TrackedAction(incidentID: "i", action: action, incidentStartedAt: started,
                      incidentResolvedAt: started.adding(seconds: 3_600), createdAt: started, teams: [])
    }

    @Test func closingRecordsNowAndReopeningClearsIt() throws {
        let open = tracked(RemediationAction(id: "a", title: "t", kind: .prevent))
        let closed = try ActionChange.update(open, ActionUpdate(status: .wontDo), at: now)
        #expect(closed.updated.status == .wontDo)
        #expect(closed.updated.completedAt == now)
        #expect(closed.changes == [ActionFieldChange(field: "status", oldValue: "open", newValue: "wont-do"),
                                   ActionFieldChange(field: "completed_at", oldValue: nil, newValue: "2024-03-01T10:00:00Z")])
        let reopened = try ActionChange.update(tracked(closed.updated), ActionUpdate(status: .inProgress), at: now)
        #expect(reopened.updated.completedAt == nil)
        #expect(reopened.changes.map(\.field) == ["status", "completed_at"])
    }

    @Test func unchangedValuesRecordNothing() throws {
        let action = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, owner: "sre"))
        let change = try ActionChange.update(action, ActionUpdate(status: .open, owner: "sre"), at: now)
        #expect(change.changes.isEmpty)
        #expect(change.updated == action.action)
    }

    @Test func aWrittenDueDateIsRecordedAgainstTheDerivedOne() throws {
        // Resolved 2024-01-01T11:00Z, medium priority: derived due 2024-01-01 + 56 days = 2024-02-26.
        let action = tracked(RemediationAction(id: "a", title: "t", kind: .prevent))
        let change = try ActionChange.update(action, ActionUpdate(owner: "web", due: try CalendarDate(parsing: "2024-04-01")), at: now)
        #expect(change.changes == [ActionFieldChange(field: "owner", oldValue: nil, newValue: "web"),
                                   ActionFieldChange(field: "due", oldValue: "2024-02-26", newValue: "2024-04-01")])
    }

    @Test func writingTheDerivedDueDateIsAChange() throws {
        // Derived due 2024-02-26 (see above); written as it is, it no longer follows the resolution.
        let action = tracked(RemediationAction(id: "a", title: "t", kind: .prevent))
        let derived = try CalendarDate(parsing: "2024-02-26")
        let change = try ActionChange.update(action, ActionUpdate(due: derived), at: now)
        #expect(change.updated.due == derived)
        #expect(change.changes == [ActionFieldChange(field: "due", oldValue: "2024-02-26 (derived)", newValue: "2024-02-26")])
        // Written already: the same date again records nothing.
        #expect(try ActionChange.update(tracked(change.updated), ActionUpdate(due: derived), at: now).changes.isEmpty)
    }

    @Test func clearingAWrittenDueDateLetsTheDerivedOneApply() throws {
        // Derived due 2024-02-26 (resolved 2024-01-01, medium: + 56 days).
        let derived = try CalendarDate(parsing: "2024-02-26")
        let sameDay = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, due: derived))
        let back = try ActionChange.update(sameDay, ActionUpdate(cleared: [.due]), at: now)
        #expect(back.updated.due == nil)
        #expect(back.changes == [ActionFieldChange(field: "due", oldValue: "2024-02-26", newValue: "2024-02-26 (derived)")])
        let later = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, due: try CalendarDate(parsing: "2024-04-01")))
        #expect(try ActionChange.update(later, ActionUpdate(cleared: [.due]), at: now).changes
                    == [ActionFieldChange(field: "due", oldValue: "2024-04-01", newValue: "2024-02-26")])
        // Low priority derives no date: cleared, there is none.
        let low = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, priority: .low, due: derived))
        #expect(try ActionChange.update(low, ActionUpdate(cleared: [.due]), at: now).changes
                    == [ActionFieldChange(field: "due", oldValue: "2024-02-26", newValue: nil)])
        // Nothing written: clearing changes nothing.
        #expect(try ActionChange.update(tracked(back.updated), ActionUpdate(cleared: [.due]), at: now).changes.isEmpty)
    }

    @Test func aNewPriorityMovesTheDerivedDueDateAndIsRecordedWithIt() throws {
        // Resolved 2024-01-01: medium derives 2024-02-26 (+ 56 days), high 2024-01-29 (+ 28), low none.
        let action = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, owner: "web"))
        let high = try ActionChange.update(action, ActionUpdate(priority: .high, ticket: "OPS-1", cleared: [.owner]), at: now)
        #expect(high.changes == [ActionFieldChange(field: "owner", oldValue: "web", newValue: nil),
                                 ActionFieldChange(field: "priority", oldValue: "medium", newValue: "high"),
                                 ActionFieldChange(field: "due", oldValue: "2024-02-26", newValue: "2024-01-29"),
                                 ActionFieldChange(field: "ticket", oldValue: nil, newValue: "OPS-1")])
        #expect(try ActionChange.update(tracked(high.updated), ActionUpdate(priority: .low), at: now).changes
                    == [ActionFieldChange(field: "priority", oldValue: "high", newValue: "low"),
                        ActionFieldChange(field: "due", oldValue: "2024-01-29", newValue: nil)])
        // A written date does not move with the priority.
        let written = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, due: try CalendarDate(parsing: "2024-04-01")))
        #expect(try ActionChange.update(written, ActionUpdate(priority: .high), at: now).changes
                    == [ActionFieldChange(field: "priority", oldValue: "medium", newValue: "high")])
    }

    @Test func doneRecordsTheGivenInstantAndIsRefusedTwice() throws {
        let inProgress = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, status: .inProgress))
        let at = try Instant(parsing: "2024-02-10T16:00:00+01:00")
        let done = try ActionChange.markDone(inProgress, at: at)
        #expect(done.updated.completedAt == at)
        #expect(done.changes == [ActionFieldChange(field: "status", oldValue: "in-progress", newValue: "done"),
                                 ActionFieldChange(field: "completed_at", oldValue: nil, newValue: "2024-02-10T15:00:00Z")])
        #expect(throws: ActionChangeError.alreadyDone(completedAt: at)) { try ActionChange.markDone(tracked(done.updated), at: now) }
        // Completion exactly when the action was created is allowed; a millisecond before is not.
        #expect(try ActionChange.markDone(inProgress, at: started).updated.completedAt == started)
        #expect(throws: ActionChangeError.self) { try ActionChange.markDone(inProgress, at: started.adding(milliseconds: -1)) }
        // A wont-do action may still be done: its completion time becomes the new one.
        let wontDo = tracked(RemediationAction(id: "a", title: "t", kind: .prevent, status: .wontDo, completedAt: started))
        #expect(try ActionChange.markDone(wontDo, at: now).changes.map(\.field) == ["status", "completed_at"])
    }

    /// An action added (created) before its incident's start, which an incident dated ahead
    /// allows, may not be closed before that start: the import would refuse the completion.
    @Test func noCompletionBeforeTheIncidentStarted() throws {
        // Created 2024-03-01T10:00Z, a day before the incident's start on 2024-03-02T10:00Z.
        let incidentStart = now.adding(seconds: 86_400)
        let early = TrackedAction(incidentID: "i", action: RemediationAction(id: "a", title: "t", kind: .prevent),
                                  incidentStartedAt: incidentStart, incidentResolvedAt: nil, createdAt: now, teams: [])
        let refusal = ActionChangeError.completedBeforeIncidentStarted(completedAt: now, startedAt: incidentStart)
        #expect(throws: refusal) { try ActionChange.markDone(early, at: now) }
        #expect(throws: refusal) { try ActionChange.update(early, ActionUpdate(status: .wontDo), at: now) }
        #expect(throws: refusal) { try ActionChange.update(early, ActionUpdate(status: .done), at: now) }
        // At the start itself it closes; other changes never record a completion, so they go through.
        #expect(try ActionChange.markDone(early, at: incidentStart).updated.completedAt == incidentStart)
        #expect(try ActionChange.update(early, ActionUpdate(status: .inProgress, owner: "sre"), at: now).updated.owner == "sre")
    }

    @Test func slugsAreValidIDsAndUnique() throws {
        #expect(ActionSlug.from(title: "Alert on pool wait > 100 ms") == "alert-on-pool-wait-100-ms")
        #expect(ActionSlug.from(title: "  ¿Qué?  ") == "qu")
        #expect(ActionSlug.from(title: "!!!") == "action")
        let long = ActionSlug.from(title: String(repeating: "abcdefghij ", count: 10))
        #expect(long.count <= 60 && Identifier.isValid(long) && !long.hasSuffix("-"))
        #expect(ActionSlug.unique("x", taken: ["x", "x-2"]) == "x-3")
        #expect(ActionSlug.unique("y", taken: ["x"]) == "y")
    }

    @Test func actionReferencesNeedBothParts() throws {
        #expect(try ActionReference(parsing: "inc/act") == ActionReference(incidentID: "inc", actionID: "act"))
        for bad in ["inc", "inc/", "/act", "inc/act/x", "Inc/act"] {
            #expect(throws: ValueParseError.self) { try ActionReference(parsing: bad) }
        }
    }
}
