/// Whether the actions that followed incidents were done, and done on time, over a period.
/// ``FollowThroughBuilder`` says exactly how each figure is counted.
public struct FollowThroughFigures: Hashable, Sendable {
    /// Actions created in the period.
    public var created = 0
    /// Actions done with a completion time in the period.
    public var completed = 0
    /// Of the actions created in the period, those done with a completion time before its end.
    public var createdAndCompleted = 0
    /// Of the completed actions, those that had a due date.
    public var completedWithDue = 0
    /// Of those, the ones completed on or before their due day (UTC).
    public var completedOnTime = 0
    /// Days from creation to completion over the completed actions.
    public var daysToComplete = DistributionSummary([])
    /// Actions still open on the as-of day.
    public var open = 0
    /// Actions overdue on the as-of day.
    public var overdue = 0
    /// The overdue actions by days overdue.
    public var ageing = OverdueAgeing()
    /// Actions flagged as not having prevented a repeat that began in the period.
    public var didNotPreventRepeat = 0

    /// Nothing counted yet.
    public init() {}

    /// Whether no action counts in any figure: no action created, completed, open, overdue or
    /// flagged. (Every other figure is counted among created or completed actions.)
    public var countsNothing: Bool {
        created == 0 && completed == 0 && open == 0 && overdue == 0 && didNotPreventRepeat == 0
    }

    /// ``createdAndCompleted`` ÷ ``created``; nil when nothing was created.
    public var completionRate: Double? { created > 0 ? Double(createdAndCompleted) / Double(created) : nil }

    /// ``completedOnTime`` ÷ ``completedWithDue``; nil when no completed action had a due date.
    public var onTimeRate: Double? { completedWithDue > 0 ? Double(completedOnTime) / Double(completedWithDue) : nil }
}
