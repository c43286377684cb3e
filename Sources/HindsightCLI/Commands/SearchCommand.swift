import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight search QUERY`: full-text search over incidents, factors, actions and timelines.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find past incidents by the words in their titles, summaries, factors, actions and timelines.",
        discussion: """
            Every word must occur in the same record (an incident's title and summary, or one \
            factor, action or timeline entry); case and diacritics do not matter, so jednorozec \
            finds jednorožec. "double quotes" make a phrase; a * at the end of a word matches the \
            words it begins (cach* finds cache and caching). Nothing else is syntax: AND, OR, NOT, \
            title:, (, ^ and - are searched as text. Hits are ranked by relevance, a match in a \
            title (an incident's, a factor's or an action's) counting ten times one in a summary, \
            description or timeline entry; the matched words are shown between [ and ]. A query that starts \
            with - goes after --, as in: hindsight search -- --dry-run. --since and --until are \
            UTC days (inclusive) on which the incident started; --quarter, --month or --year name \
            such days at once.

            Examples:
              hindsight search "health check"
              hindsight search 'cach*' --service catalogue-api --since 2019-01-01
              hindsight search elasticsearch --cause cache --format json
              hindsight search timeout --year 2019
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: IncidentScopeOptions

    @Option(name: .long, help: ArgumentHelp("Show at most this many hits (1 to 1000).", valueName: "n"))
    var limit = 20

    @Argument(help: ArgumentHelp("What to search for: words, \"phrases\", prefix*; several arguments are one query.", valueName: "query"))
    var words: [String] = []

    /// The arguments as one query, as if typed between quotes.
    private var query: String { words.joined(separator: " ") }

    func validate() throws {
        _ = try parsedQuery()
        guard (1...1000).contains(limit) else {
            throw ValidationError("--limit: \(limit) is out of range; expected a number of hits from 1 to 1000, e.g. 20")
        }
    }

    private func parsedQuery() throws -> SearchQuery {
        do {
            return try SearchQuery(parsing: query)
        } catch let error as ValueParseError {
            throw ValidationError("search: \(error.message)")
        }
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["rank", "incident", "incident_title", "started_at", "field", "record", "snippet", "snippet_text", "matches"]

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        try scope.checkServicesExist(in: knowledgeBase)
        var filter = IncidentFilter()
        try scope.apply(to: &filter)
        let hits: [SearchHit]
        do {
            hits = try knowledgeBase.search(try parsedQuery(), filter: filter, limit: limit)
        } catch is SearchQueryRefused {
            throw CLIError(.usage, "error: search: the index could not run this query; try plain words or a \"quoted phrase\"")
        }
        if hits.isEmpty && output.format == .table {
            Output.writeError("No records match.\n")
            return
        }
        try ListingPrinter.print(SearchHitListing.listing(hits), json: SearchHitListing.json(hits),
                                 csv: { SearchHitListing.json(hits, oneLineSnippets: true) }, csvFields: Self.csvFields,
                                 format: output.format)
    }
}
