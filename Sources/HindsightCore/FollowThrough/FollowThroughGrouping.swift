/// How follow-through figures are broken down.
public enum FollowThroughGrouping: String, Keyword {
    /// By the action's owner; `(no owner)` when none is recorded.
    case owner
    /// By the teams of the services the action's incident hit, joined as one label
    /// (`cms, platform`), so that each action counts once; `(no team)` when none is recorded.
    case team
    /// By the action's kind.
    case kind
    /// By the action's priority.
    case priority

    /// The group `tracked` falls in.
    public func group(of tracked: TrackedAction) -> String {
        switch self {
        case .owner: return tracked.action.owner ?? "(no owner)"
        case .team: return tracked.teams.isEmpty ? "(no team)" : tracked.teams.joined(separator: ", ")
        case .kind: return tracked.action.kind.rawValue
        case .priority: return tracked.action.priority.rawValue
        }
    }
}
