/// An action together with what its follow-through depends on: its incident's start,
/// resolution and teams, and when the action came to be.
public struct TrackedAction: Hashable, Sendable {
    /// The incident the action followed.
    public let incidentID: String
    /// The action as stored.
    public let action: RemediationAction
    /// When the incident started.
    public let incidentStartedAt: Instant
    /// When the incident was resolved; nil while it is not, and then no due date is derived.
    public let incidentResolvedAt: Instant?
    /// When the action was created; see ``creationInstant(creationField:creationAt:incidentStartedAt:)``.
    public let createdAt: Instant
    /// The distinct teams of the services the incident hit, sorted; empty when none is recorded.
    public let teams: [String]

    /// Creates a tracked action.
    public init(incidentID: String, action: RemediationAction, incidentStartedAt: Instant, incidentResolvedAt: Instant?,
                createdAt: Instant, teams: [String]) {
        self.incidentID = incidentID
        self.action = action
        self.incidentStartedAt = incidentStartedAt
        self.incidentResolvedAt = incidentResolvedAt
        self.createdAt = createdAt
        self.teams = Array(Set(teams)).sorted()
    }

    /// The global id, `<incident-id>/<action-id>`.
    public var globalID: String { "\(incidentID)/\(action.id)" }

    /// The due date in force: written, or derived from the incident's resolution day.
    public var effectiveDue: CalendarDate? { action.effectiveDue(incidentResolvedAt: incidentResolvedAt) }

    /// Whether the due date in force was derived rather than written.
    public var isDueDerived: Bool { action.due == nil && effectiveDue != nil }

    /// Whether the action is overdue on `day`, by
    /// ``RemediationAction/isOverdue(on:incidentResolvedAt:)``, once it exists: an action created
    /// after `day` (added later with a due date before it) was not overdue then, as follow-through
    /// counts it.
    public func isOverdue(on day: CalendarDate) -> Bool {
        createdAt.utcDate <= day && action.isOverdue(on: day, incidentResolvedAt: incidentResolvedAt)
    }

    /// How many days overdue the action is on `day` (`day` − due), or nil when it is not overdue.
    public func daysOverdue(on day: CalendarDate) -> Int? {
        guard isOverdue(on: day), let due = effectiveDue else { return nil }
        return Int(day.daysSinceEpoch - due.daysSinceEpoch)
    }

    /// Whether the action was still open on `day`: open or in progress, or closed on `day` or
    /// later (the overdue rule's reading of "still open"). A closed action without a completion
    /// time counts as closed.
    public func wasOpen(on day: CalendarDate) -> Bool {
        guard action.status.isClosed else { return true }
        guard let completedAt = action.completedAt else { return false }
        return completedAt.utcDate >= day
    }

    /// The history field with which `hindsight action add` records a new action.
    public static let addedField = "added"

    /// When an action was created, from its latest creation record in the history (`created` by
    /// an import, ``addedField`` by `action add`; an action dropped and brought back is a new
    /// one). An action added on the command line was created when that record was written. An
    /// action that came in with a postmortem was agreed when the incident was reviewed, and the
    /// import date says only when the file was loaded, so it counts as created when its incident
    /// started; so does an action with no creation record.
    public static func creationInstant(creationField: String?, creationAt: Instant?,
                                       incidentStartedAt: Instant) -> Instant {
        if creationField == addedField, let creationAt { return creationAt }
        return incidentStartedAt
    }
}
