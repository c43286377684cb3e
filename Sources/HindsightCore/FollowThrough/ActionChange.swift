/// What a command does to one action: the action afterwards and the field changes its history
/// records. Pure, so that the rules (closing sets the completion time, reopening clears it, an
/// unchanged value records nothing) are tested without a database.
public struct ActionChange: Hashable, Sendable {
    /// The action after the change.
    public let updated: RemediationAction
    /// The fields that changed, in the order status, completed_at, owner, priority, due, ticket;
    /// empty when the command asked for values the action already had. Writing a due date equal
    /// to the one derived is a change (the date no longer follows the incident's resolution),
    /// recorded as `due` from `2024-02-26 (derived)` to `2024-02-26`; clearing a written date
    /// equal to the derived one is recorded the other way round. A new priority that moves the
    /// derived due date records the move as a change of `due` too.
    public let changes: [ActionFieldChange]

    /// Applies `update`: sets any of status, owner, priority, ticket and written due date, and
    /// clears the fields it names.
    ///
    /// Moving to `done` or `wont-do` from another status records `now` as the completion time;
    /// moving to `open` or `in-progress` clears it (the schema keeps completion times for closed
    /// actions only). A value equal to the current one changes nothing; a due date equal to the
    /// derived one makes it written, and clearing the written date lets the derived one apply.
    /// - Throws: ``ActionChangeError/completedBeforeIncidentStarted(completedAt:startedAt:)`` when
    ///   closing would record `now` before the incident's start (an incident dated ahead).
    public static func update(_ tracked: TrackedAction, _ update: ActionUpdate, at now: Instant) throws -> ActionChange {
        var action = tracked.action
        if let status = update.status, status != action.status {
            action.status = status
            if !status.isClosed {
                action.completedAt = nil
            } else if !tracked.action.status.isClosed || action.completedAt == nil {
                try requireIncidentStarted(tracked, by: now)
                action.completedAt = now
            }
        }
        if let owner = update.owner { action.owner = owner }
        if let due = update.due { action.due = due }
        if let priority = update.priority { action.priority = priority }
        if let ticket = update.ticket { action.ticket = ticket }
        for field in update.cleared {
            switch field {
            case .owner: action.owner = nil
            case .due: action.due = nil
            case .ticket: action.ticket = nil
            }
        }
        return ActionChange(before: tracked, after: action)
    }

    /// Marks the action done at `completedAt`.
    /// - Throws: ``ActionChangeError/alreadyDone(completedAt:)`` when it is done already;
    ///   ``ActionChangeError/completedBeforeCreation(completedAt:createdAt:)`` when `completedAt`
    ///   is before the action was created (which would make its days to complete negative);
    ///   ``ActionChangeError/completedBeforeIncidentStarted(completedAt:startedAt:)`` when it is
    ///   before the incident's start.
    public static func markDone(_ tracked: TrackedAction, at completedAt: Instant) throws -> ActionChange {
        guard tracked.action.status != .done else {
            throw ActionChangeError.alreadyDone(completedAt: tracked.action.completedAt)
        }
        guard completedAt >= tracked.createdAt else {
            throw ActionChangeError.completedBeforeCreation(completedAt: completedAt, createdAt: tracked.createdAt)
        }
        try requireIncidentStarted(tracked, by: completedAt)
        var action = tracked.action
        action.status = .done
        action.completedAt = completedAt
        return ActionChange(before: tracked, after: action)
    }

    /// The import refuses a completion before the incident's `started_at` (a postmortem's actions
    /// count as created then), so a command may not store one either: an action added to an
    /// incident dated ahead would otherwise be closed before its incident began, and the
    /// knowledge base's own export would be refused on import.
    private static func requireIncidentStarted(_ tracked: TrackedAction, by completedAt: Instant) throws {
        guard completedAt >= tracked.incidentStartedAt else {
            throw ActionChangeError.completedBeforeIncidentStarted(completedAt: completedAt, startedAt: tracked.incidentStartedAt)
        }
    }

    private init(before tracked: TrackedAction, after action: RemediationAction) {
        self.updated = action
        self.changes = Self.fieldChanges(from: tracked.action, resolvedAt: tracked.incidentResolvedAt,
                                         to: action, resolvedAt: tracked.incidentResolvedAt)
    }

    /// The changes from `old` to `action` that the history records, as ``changes`` describes
    /// them, each due date taken in force with its incident's resolution then: for a command,
    /// the same resolution; for `import --replace`, which may move it, the stored and the new one.
    public static func fieldChanges(from old: RemediationAction, resolvedAt oldResolvedAt: Instant?,
                                    to action: RemediationAction, resolvedAt newResolvedAt: Instant?) -> [ActionFieldChange] {
        var changes: [ActionFieldChange] = []
        func record(_ field: String, _ oldValue: String?, _ newValue: String?) {
            if oldValue != newValue { changes.append(ActionFieldChange(field: field, oldValue: oldValue, newValue: newValue)) }
        }
        record("status", old.status.rawValue, action.status.rawValue)
        record("completed_at", old.completedAt?.description, action.completedAt?.description)
        record("owner", old.owner, action.owner)
        record("priority", old.priority.rawValue, action.priority.rawValue)
        let oldDue = old.effectiveDue(incidentResolvedAt: oldResolvedAt)?.description
        let newDue = action.effectiveDue(incidentResolvedAt: newResolvedAt)?.description
        if let oldDue, oldDue == newDue, old.due == nil, action.due != nil {
            // The derived date written as it is: the date stays, but it no longer follows the
            // incident's resolution, so the change is recorded with the old value marked derived.
            changes.append(ActionFieldChange(field: "due", oldValue: oldDue + " (derived)", newValue: newDue))
        } else if let newDue, oldDue == newDue, old.due != nil, action.due == nil {
            // And back: the written date cleared where the derived one is the same day.
            changes.append(ActionFieldChange(field: "due", oldValue: oldDue, newValue: newDue + " (derived)"))
        } else {
            record("due", oldDue, newDue)
        }
        record("ticket", old.ticket, action.ticket)
        return changes
    }
}
