import HindsightCore

/// One record that matched a search: which incident it belongs to, where the words were found
/// and the passage around them.
public struct SearchHit: Hashable, Sendable {
    /// The incident's id.
    public var incidentID: String
    /// The incident's title.
    public var incidentTitle: String
    /// When the incident started.
    public var incidentStartedAt: Instant
    /// The field that matched; for a record with a title and a text, the one that holds more of
    /// the query's terms (the title when both hold as many).
    public var field: SearchField
    /// The factor's or action's id, or the timeline entry's instant; nil for the incident itself.
    public var record: String?
    /// Up to about 16 words of the field around the match, matches marked; `…` where cut.
    public var snippet: MarkedText
}
