/// One timed moment in an incident's story.
public struct TimelineEvent: Hashable, Sendable {
    /// When it happened.
    public var at: Instant
    /// What happened.
    public var text: String

    /// Creates a timeline event.
    public init(at: Instant, text: String) {
        self.at = at
        self.text = text
    }
}
