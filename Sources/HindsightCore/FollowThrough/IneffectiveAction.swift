/// An action that "did not prevent a repeat": every action addressing its factor was done, and
/// the factor repeated after the last of them was completed.
public struct IneffectiveAction: Hashable, Sendable {
    /// The action's global id, `<incident-id>/<action-id>`.
    public let actionGlobalID: String
    /// The factor it addressed, in the earlier incident.
    public let factor: FactorOccurrence
    /// The latest completion among the actions addressing the factor.
    public let lastCompletedAt: Instant
    /// The first repeat of the factor that began after ``lastCompletedAt``.
    public let repeatLink: RepeatLink

    /// Creates a finding.
    public init(actionGlobalID: String, factor: FactorOccurrence, lastCompletedAt: Instant, repeatLink: RepeatLink) {
        self.actionGlobalID = actionGlobalID
        self.factor = factor
        self.lastCompletedAt = lastCompletedAt
        self.repeatLink = repeatLink
    }

    /// The repeat as people name it: `<incident-id>/<factor-id>`.
    public var repeatName: String { "\(repeatLink.later.incidentID)/\(repeatLink.later.factorID)" }
}
