import HindsightCore
import HindsightStore

/// Search hits as a listing (matches between `[` and `]`) and as JSON.
enum SearchHitListing {
    /// Where a match starts and ends in table, CSV and Markdown output.
    static let openMark = "["
    static let closeMark = "]"

    /// One row per hit, best first: the incident's start day and id, the field, and the snippet
    /// on one line with its matches marked.
    static func listing(_ hits: [SearchHit]) -> Listing {
        Listing(
            columns: [.init("STARTED"), .init("INCIDENT"), .init("FIELD"), .init("MATCH")],
            rows: hits.map { hit in
                [hit.incidentStartedAt.utcDate.description, hit.incidentID,
                 hit.field.rawValue + (hit.record.map { " " + $0 } ?? ""),
                 hit.snippet.marked(open: openMark, close: closeMark, escape: oneLine)]
            })
    }

    /// An array of hits, best first, each with `rank`, `incident`, `incident_title`,
    /// `started_at`, `field`, `record`, `snippet` (matches between `[` and `]`), `snippet_text`
    /// (unmarked) and `matches` (the matched runs). With `oneLineSnippets`, as CSV gives them,
    /// line breaks and tabs in both snippets become spaces, as in the table.
    static func json(_ hits: [SearchHit], oneLineSnippets: Bool = false) -> StructuredValue {
        let snippetText: (String) -> String = oneLineSnippets ? oneLine : { $0 }
        return .sequence(hits.enumerated().map { index, hit in
            var builder = MappingBuilder()
            builder.add("rank", .integer(Int64(index + 1)))
            builder.add("incident", text: hit.incidentID)
            builder.add("incident_title", text: hit.incidentTitle)
            builder.add("started_at", text: hit.incidentStartedAt.description)
            builder.add("field", text: hit.field.rawValue)
            builder.add("record", hit.record.map(StructuredValue.text) ?? .null)
            builder.add("snippet", text: hit.snippet.marked(open: openMark, close: closeMark, escape: snippetText))
            builder.add("snippet_text", text: snippetText(hit.snippet.plain))
            builder.add("matches", .sequence(hit.snippet.matches.map(StructuredValue.text)))
            return builder.value
        })
    }

    /// Line breaks and tabs in a snippet become spaces, so each hit stays on its row; other
    /// control characters are made visible by the listing itself.
    private static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) })
    }
}
