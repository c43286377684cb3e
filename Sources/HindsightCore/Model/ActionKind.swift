/// What a corrective or preventive action is meant to do.
public enum ActionKind: String, Keyword {
    /// `prevent`.
    case prevent
    /// `mitigate`.
    case mitigate
    /// `detect`.
    case detect
    /// `process`.
    case process
    /// `investigate`.
    case investigate
}
