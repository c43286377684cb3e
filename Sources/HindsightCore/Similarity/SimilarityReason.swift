/// Why an earlier incident was found similar, with the points it earned.
public enum SimilarityReason: Hashable, Sendable {
    /// Both have a factor filed under this exact cause path.
    case sameCause(String)
    /// Cause paths that are not the same but share their first segments (`common`).
    case relatedCause(common: String, ours: String, theirs: String)
    /// Both hit this service.
    case sharedService(String)
    /// Both carry this tag.
    case sharedTag(String)
    /// These words occur in both incidents' titles or factor titles.
    case sharedWords([String])

    /// The reason in words, e.g. `same cause cache/key`.
    public var description: String {
        switch self {
        case .sameCause(let path): return "same cause \(path)"
        case .relatedCause(let common, let ours, let theirs): return "related cause under \(common) (\(ours) ~ \(theirs))"
        case .sharedService(let service): return "also hit \(service)"
        case .sharedTag(let tag): return "tag \(tag)"
        case .sharedWords(let words): return "words in common: \(words.joined(separator: ", "))"
        }
    }

    /// A short name for the kind of reason: `same-cause`, `related-cause`, `service`, `tag` or `words`.
    public var kind: String {
        switch self {
        case .sameCause: return "same-cause"
        case .relatedCause: return "related-cause"
        case .sharedService: return "service"
        case .sharedTag: return "tag"
        case .sharedWords: return "words"
        }
    }
}
