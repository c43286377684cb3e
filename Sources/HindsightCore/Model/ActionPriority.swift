/// How urgent an action is; it sets the default due date.
public enum ActionPriority: String, Keyword {
    /// `high`.
    case high
    /// `medium`.
    case medium
    /// `low`.
    case low
}
