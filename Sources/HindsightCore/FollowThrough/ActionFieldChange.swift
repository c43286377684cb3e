/// One field of an action that a command changes, with its text before and after, as the
/// action's history records it.
public struct ActionFieldChange: Hashable, Sendable {
    /// The field: `status`, `completed_at`, `owner`, `priority`, `due` or `ticket`.
    public let field: String
    /// The value before; nil when there was none.
    public let oldValue: String?
    /// The value after; nil when there is none.
    public let newValue: String?

    /// Creates a change.
    public init(field: String, oldValue: String?, newValue: String?) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
