import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight similar INCIDENT`: earlier incidents like this one, with the reasons.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Earlier incidents most like one incident, ranked, with the reasons each was chosen.",
        discussion: """
            Points for what an earlier incident shares: 3 for each cause path both have; in an area \
            (first segment) where they share no path, 1 per leading segment of the closest pair, \
            once (cache/key and cache/expiry share cache: 1); 2 for each service both hit; 1 for \
            each tag; 0.5 for each word both use in their titles or factor titles (at most 3). \
            Highest score first; ties go to the more recent incident. The table shortens long \
            reasons to keep its lines readable; --format markdown, csv or json gives them whole.

            Examples:
              hindsight similar 2019-10-30-catalogue-elasticsearch-overload
              hindsight similar 2023-05-16-url-shortener-json-load --limit 3 --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Show at most this many incidents (1 to 1000).", valueName: "n"))
    var limit = 10

    @Argument(help: ArgumentHelp("The incident's id.", valueName: "incident"), completion: .knowledgeBase(.incidents))
    var id: String

    func validate() throws {
        // Malformed, as for 'action add INCIDENT': no incident can have that id.
        _ = try OptionParsing.value("INCIDENT", id) { try Identifier.validate($0); return $0 }
        guard (1...1000).contains(limit) else {
            throw ValidationError("--limit: \(limit) is out of range; expected a number of incidents from 1 to 1000, e.g. 10")
        }
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["incident", "title", "started_at", "score", "reasons"]

    /// The widest the table's reasons column gets, in characters: with the other columns, a line
    /// of at most 135, where all the reasons of a close match ran to 400 and more.
    static let reasonsWidth = 70

    func run() throws {
        guard let (_, similar) = try database.open(.readOnly).similarIncidents(to: id, limit: limit) else {
            throw CLIError(.dataError, "error: no incident with id '\(id)'; 'hindsight incidents' lists them")
        }
        if similar.isEmpty && output.format == .table {
            Output.writeError("No earlier incident shares a cause, service, tag or title word with \(id).\n")
            return
        }
        let listing = Listing(
            columns: [.init("SCORE", alignRight: true), .init("STARTED"), .init("INCIDENT"),
                      .init("REASONS", maxWidth: Self.reasonsWidth)],
            rows: similar.map { result in
                [NumberText.fixed(result.score, places: 1), result.incident.startedAt.utcDate.description, result.incident.id,
                 result.reasons.map(\.reason.description).joined(separator: "; ")]
            })
        let json = StructuredValue.sequence(similar.map { result in
            var builder = MappingBuilder()
            builder.add("incident", text: result.incident.id)
            builder.add("title", text: result.incident.title)
            builder.add("started_at", text: result.incident.startedAt.description)
            builder.add("score", .number(result.score))
            builder.add("reasons", .sequence(result.reasons.map { reason, points in
                .mapping([.init("kind", .text(reason.kind)), .init("reason", .text(reason.description)),
                          .init("points", .number(points))])
            }))
            return builder.value
        })
        try ListingPrinter.print(listing, json: json, csvFields: Self.csvFields, format: output.format)
    }
}
