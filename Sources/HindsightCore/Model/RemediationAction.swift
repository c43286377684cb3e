/// A corrective or preventive action that followed an incident. Globally identified as
/// `<incident-id>/<action-id>`.
public struct RemediationAction: Hashable, Sendable {
    /// The id, unique within its incident.
    public var id: String
    /// What is to be done.
    public var title: String
    /// What kind of action it is.
    public var kind: ActionKind
    /// The ids of the factors of the same incident it addresses.
    public var addresses: [String]
    /// Who owns it.
    public var owner: String?
    /// How urgent it is.
    public var priority: ActionPriority
    /// The due date as written; nil means derived from the incident (see ``effectiveDue(incidentResolvedAt:)``).
    public var due: CalendarDate?
    /// Where it stands.
    public var status: ActionStatus
    /// When it was closed; only for `done` or `wont-do`.
    public var completedAt: Instant?
    /// A link to a tracker.
    public var ticket: String?

    /// Creates an action.
    public init(id: String, title: String, kind: ActionKind, addresses: [String] = [], owner: String? = nil,
                priority: ActionPriority = .medium, due: CalendarDate? = nil, status: ActionStatus = .open,
                completedAt: Instant? = nil, ticket: String? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.addresses = addresses
        self.owner = owner
        self.priority = priority
        self.due = due
        self.status = status
        self.completedAt = completedAt
        self.ticket = ticket
    }

    /// The due date in force: the one written, else derived from the UTC day the incident was
    /// resolved (high priority 28 days later, medium 56, low none); nil while unresolved.
    public func effectiveDue(incidentResolvedAt resolvedAt: Instant?) -> CalendarDate? {
        if let due { return due }
        guard let resolvedAt else { return nil }
        switch priority {
        case .high: return resolvedAt.utcDate.adding(days: 28)
        case .medium: return resolvedAt.utcDate.adding(days: 56)
        case .low: return nil
        }
    }

    /// Whether the action is overdue on `day`: its due date is before `day` and it was still open
    /// on `day` — open or in progress, or closed with a `completedAt` that is not before `day`
    /// (its UTC day is `day` or later). A closed action without `completedAt` is never overdue.
    public func isOverdue(on day: CalendarDate, incidentResolvedAt resolvedAt: Instant?) -> Bool {
        Self.isOverdue(due: effectiveDue(incidentResolvedAt: resolvedAt), status: status, completedAt: completedAt, on: day)
    }

    /// The overdue rule itself, for an action known only by its due date in force, status and
    /// completion time (see ``isOverdue(on:incidentResolvedAt:)``).
    public static func isOverdue(due: CalendarDate?, status: ActionStatus, completedAt: Instant?, on day: CalendarDate) -> Bool {
        guard let due, due < day else { return false }
        guard status.isClosed else { return true }
        guard let completedAt else { return false }
        return completedAt.utcDate >= day
    }
}
