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
    /// Only actions of incidents that hit (had an impact on) one of these services, as
    /// ``IncidentFilter/services`` picks incidents.
    public var services: [String] = []
    /// Only actions of incidents that hit a service of one of these teams: actions whose
    /// ``TrackedAction/teams`` include one of them.
    public var teams: [String] = []
    /// Only actions that address a factor whose cause is one of these paths or lies under it,
    /// segment-wise, as ``IncidentFilter/cause`` matches.
    public var causes: [String] = []
    /// Only actions whose due date in force (``TrackedAction/effectiveDue``, written or derived)
    /// is on or before this day; actions without one are left out.
    public var dueBy: CalendarDate?
    /// Only actions overdue on this day, by ``TrackedAction/isOverdue(on:)``.
    public var overdueOn: CalendarDate?
    /// Only actions created by the end of this UTC day (see ``TrackedAction/createdAt``): the
    /// actions as they stood on a past day, without those added after it.
    public var createdBy: CalendarDate?

    /// Matches every action.
    public init() {}
}
