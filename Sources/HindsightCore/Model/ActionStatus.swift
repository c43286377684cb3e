/// Where an action stands; `done` and `wont-do` close it.
public enum ActionStatus: String, Keyword {
    /// `open`.
    case open
    /// `in-progress`.
    case inProgress = "in-progress"
    /// `done`.
    case done
    /// `wont-do`.
    case wontDo = "wont-do"
}

extension ActionStatus {
    /// Whether the action is closed (`done` or `wont-do`).
    public var isClosed: Bool { self == .done || self == .wontDo }
}
