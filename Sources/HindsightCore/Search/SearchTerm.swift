/// One part of a search query: every term must occur in the record for it to match.
public enum SearchTerm: Hashable, Sendable {
    /// A word as typed; with `prefix`, any word that starts with it (typed as `cach*`).
    case word(String, prefix: Bool)
    /// Words that must occur one after another (typed as `"health check"`).
    case phrase(String)

    /// The text of the term, without quotes or `*`.
    public var text: String {
        switch self {
        case .word(let text, _), .phrase(let text): return text
        }
    }
}
