/// Why a change to an action was refused. The stored action is left as it was.
public enum ActionChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `done` on an action that is already done.
    case alreadyDone(completedAt: Instant?)
    /// A completion time before the action was created.
    case completedBeforeCreation(completedAt: Instant, createdAt: Instant)

    /// The message for the user.
    public var description: String {
        switch self {
        case .alreadyDone(let completedAt):
            return "the action is already done" + (completedAt.map { " (completed \($0))" } ?? "")
                + "; reopen it with 'action update --status open' first to record a new completion"
        case .completedBeforeCreation(let completedAt, let created):
            return "--at \(completedAt) is before the action was created (\(created)); an action cannot be completed before it exists"
        }
    }
}
