/// Why a change to an action was refused. The stored action is left as it was.
public enum ActionChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `done` on an action that is already done.
    case alreadyDone(completedAt: Instant?)
    /// A completion time before the action was created.
    case completedBeforeCreation(completedAt: Instant, createdAt: Instant)
    /// A completion time before the incident started: most often an incident dated ahead by mistake.
    case completedBeforeIncidentStarted(completedAt: Instant, startedAt: Instant)

    /// The message for the user.
    public var description: String {
        switch self {
        case .alreadyDone(let completedAt):
            return "the action is already done" + (completedAt.map { " (completed \($0))" } ?? "")
                + "; reopen it with 'action update --status open' first to record a new completion"
        case .completedBeforeCreation(let completedAt, let created):
            return "--at \(completedAt) is before the action was created (\(created)); an action cannot be completed before it exists"
        case .completedBeforeIncidentStarted(let completedAt, let started):
            return "the completion \(completedAt) would be before the incident's started_at \(started); an action cannot be "
                + "completed before its incident began (an incident dated ahead by mistake is corrected with 'import --replace')"
        }
    }
}
