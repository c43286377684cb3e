/// A number of actions that are still open or in progress and share a due date in force, known
/// only by that: what a follow-through count needs of actions created before its period that
/// nothing in the period touched. Such an action counts as open on the as-of day, and as overdue
/// when its due date is before that day; reading each of them whole would cost as much as the
/// history is long.
public struct OpenActionCount: Hashable, Sendable {
    /// Their status, `open` or `in-progress`.
    public let status: ActionStatus
    /// Their due date in force, or nil when they have none.
    public let effectiveDue: CalendarDate?
    /// How many actions there are.
    public let count: Int

    /// Creates a count.
    public init(status: ActionStatus, effectiveDue: CalendarDate?, count: Int) {
        self.status = status
        self.effectiveDue = effectiveDue
        self.count = count
    }

    /// How many days overdue each of these actions is on `day` (`day` − due) by the overdue rule
    /// (``RemediationAction/isOverdue(due:status:completedAt:on:)``), or nil when they are not.
    public func daysOverdue(on day: CalendarDate) -> Int? {
        guard RemediationAction.isOverdue(due: effectiveDue, status: status, completedAt: nil, on: day),
              let due = effectiveDue else { return nil }
        return Int(day.daysSinceEpoch - due.daysSinceEpoch)
    }
}
