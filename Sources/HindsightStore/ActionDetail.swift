import HindsightCore

/// One action with everything recorded about it: the action, its history, the factors it
/// addresses, and whether it did not prevent a repeat.
public struct ActionDetail: Sendable {
    /// The action and its incident's facts.
    public let tracked: TrackedAction
    /// The incident's title.
    public let incidentTitle: String
    /// The factors it addresses, in the order written.
    public let addressedFactors: [Factor]
    /// Its history, oldest first.
    public let history: [ActionHistoryEntry]
    /// The repeats it did not prevent (empty when none, or when the rule cannot say).
    public let didNotPreventRepeat: [IneffectiveAction]
}
