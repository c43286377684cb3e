/// What `hindsight action update` asks of one action: new values for some of its fields, and
/// the optional fields to clear. A field it does not name keeps its value.
public struct ActionUpdate: Hashable, Sendable {
    /// An optional field that an update can clear.
    public enum ClearableField: String, Keyword {
        /// The owner: the action is then nobody's.
        case owner
        /// The written due date: the date derived from the incident's resolution applies again.
        case due
        /// The link to a tracker.
        case ticket
    }

    /// The new status, or nil to keep it.
    public var status: ActionStatus?
    /// The new owner, or nil to keep it.
    public var owner: String?
    /// The new written due date, or nil to keep it.
    public var due: CalendarDate?
    /// The new priority, or nil to keep it.
    public var priority: ActionPriority?
    /// The new link to a tracker, or nil to keep it.
    public var ticket: String?
    /// The fields to clear; none of them is also given a new value.
    public var cleared: Set<ClearableField>

    /// Creates an update; every field defaults to being kept.
    public init(status: ActionStatus? = nil, owner: String? = nil, due: CalendarDate? = nil,
                priority: ActionPriority? = nil, ticket: String? = nil, cleared: Set<ClearableField> = []) {
        self.status = status
        self.owner = owner
        self.due = due
        self.priority = priority
        self.ticket = ticket
        self.cleared = cleared
    }

    /// Whether the update names no field at all.
    public var isEmpty: Bool {
        status == nil && owner == nil && due == nil && priority == nil && ticket == nil && cleared.isEmpty
    }
}
