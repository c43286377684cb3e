import HindsightCore

/// Which actions a listing shows. Empty lists and nil mean "any"; several values of one filter
/// match any of them, different filters combine.
public struct ActionFilter: Sendable {
    /// Only actions of this incident.
    public var incidentID: String?
    /// Only actions with one of these owners.
    public var owners: [String] = []
    /// Only actions that nobody owns (no owner recorded); not combined with ``owners``.
    public var unownedOnly = false
    /// Only actions with one of these statuses.
    public var statuses: [ActionStatus] = []
    /// Only actions of one of these kinds.
    public var kinds: [ActionKind] = []
    /// Only actions of one of these priorities.
    public var priorities: [ActionPriority] = []
    /// Only actions overdue on this day, by ``TrackedAction/isOverdue(on:)``.
    public var overdueOn: CalendarDate?
    /// Only actions created by the end of this UTC day (see ``TrackedAction/createdAt``): the
    /// actions as they stood on a past day, without those added after it.
    public var createdBy: CalendarDate?

    /// Matches every action.
    public init() {}
}
