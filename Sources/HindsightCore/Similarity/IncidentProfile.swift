import Foundation

/// What the similarity of two incidents is judged on: their cause paths, services, tags and the
/// words of their titles and their factors' titles.
public struct IncidentProfile: Hashable, Sendable {
    /// The incident's id.
    public var id: String
    /// Its title.
    public var title: String
    /// When it started.
    public var startedAt: Instant
    /// The distinct cause paths of its factors.
    public var causes: [String]
    /// The services it hit.
    public var services: [String]
    /// Its tags.
    public var tags: [String]
    /// Its factors' titles.
    public var factorTitles: [String]

    /// The distinct words of its title and its factors' titles, folded (see ``words(in:)``),
    /// common short words left out. Worked out on each call: folding text is the slow part of
    /// comparing incidents, so the scorer asks only for the candidates that can still rank.
    public var words: Set<String> { Set(([title] + factorTitles).flatMap(Self.words(in:))) }

    /// Creates a profile; causes, services and tags are made unique and sorted.
    public init(id: String, title: String, startedAt: Instant, causes: [String], services: [String], tags: [String],
                factorTitles: [String]) {
        self.id = id
        self.title = title
        self.startedAt = startedAt
        self.causes = Array(Set(causes)).sorted()
        self.services = Array(Set(services)).sorted()
        self.tags = Array(Set(tags)).sorted()
        self.factorTitles = factorTitles
    }

    /// The words of `text` worth comparing: lower-cased, diacritics removed (as the search index
    /// does), split at anything not a letter or digit, at least three characters long, and not
    /// one of a few very common English words.
    public static func words(in text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
            .filter { $0.count >= 3 && !stopWords.contains($0) }
    }

    private static let stopWords: Set<String> = [
        "the", "and", "for", "was", "were", "not", "but", "with", "from", "into", "onto", "after", "before",
        "when", "then", "than", "that", "this", "its", "his", "her", "our", "their", "all", "any", "every",
        "one", "two", "are", "has", "had", "have", "did", "does", "out", "off", "over", "under", "per",
        "via", "too", "also", "only", "more", "most", "less", "new", "old", "on", "by",
    ]
}
