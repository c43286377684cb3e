import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight incidents`: past incidents, filtered by service, time, cause, tag and severity.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List incidents, filtered by service, date, cause, tag or severity.",
        discussion: """
            --cause matches the path and everything below it, segment by segment: 'cache' matches \
            cache/key but not caching/x. --since and --until are UTC days (inclusive) on which the \
            incident started. Repeated --service, --tag or --severity options match any of them.

            Examples:
              hindsight incidents --cause cache
              hindsight incidents --service catalogue-api --since 2019-01-01 --format json
              hindsight incidents --severity SEV1 --severity SEV2
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Only incidents that hit this service.", valueName: "id"))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only incidents that started on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents that started on or before this day (YYYY-MM-DD, UTC).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents with a factor under this cause path, e.g. cache or cache/key.", valueName: "path"))
    var cause: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents with this tag.", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only incidents of this severity (SEV1 … SEV5).", valueName: "severity"))
    var severity: [String] = []

    func validate() throws {
        _ = try filter()
    }

    private func filter() throws -> IncidentFilter {
        var filter = IncidentFilter()
        filter.services = try service.map { id in
            try OptionParsing.value("--service", id) { try Identifier.validate($0); return $0 }
        }
        filter.since = try since.map { try OptionParsing.value("--since", $0, CalendarDate.init(parsing:)) }
        filter.until = try until.map { try OptionParsing.value("--until", $0, CalendarDate.init(parsing:)) }
        if let since = filter.since, let until = filter.until, until < since {
            throw ValidationError("--until \(until) is before --since \(since)")
        }
        filter.cause = try cause.map { try OptionParsing.value("--cause", $0) { try Identifier.validateCausePath($0); return $0 } }
        filter.tags = tag
        filter.severities = try severity.map { text in
            guard let value = Severity(rawValue: text.uppercased()) else {
                throw ValidationError("--severity '\(text)' is not one of \(Severity.spellings)")
            }
            return value
        }
        return filter
    }

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        for id in service where try !knowledgeBase.serviceExists(id) {
            throw CLIError(.dataError, "error: no service with id '\(id)'; 'hindsight services' lists them")
        }
        let incidents = try knowledgeBase.incidentSummaries(matching: try filter())
        let listing = Listing(
            columns: [.init("STARTED (UTC)"), .init("ID", maxWidth: 44), .init("SEV"), .init("STATE"),
                      .init("DURATION", alignRight: true), .init("SERVICES", maxWidth: 30), .init("TITLE", maxWidth: 60)],
            rows: incidents.map { incident in
                [String(incident.startedAt.description.prefix(16)).replacingOccurrences(of: "T", with: " "),
                 incident.id, [incident.severity?.rawValue, incident.nearMiss ? "near miss" : nil].compactMap { $0 }.joined(separator: ", "),
                 incident.state.rawValue, duration(incident), incident.services.joined(separator: ", "), incident.title]
            })
        let json = StructuredValue.sequence(incidents.map { incident in
            var builder = MappingBuilder()
            builder.add("id", text: incident.id)
            builder.add("title", text: incident.title)
            builder.add("severity", incident.severity.map { .text($0.rawValue) } ?? .null)
            builder.add("near_miss", .bool(incident.nearMiss))
            builder.add("started_at", text: incident.startedAt.description)
            builder.add("mitigated_at", incident.mitigatedAt.map { .text($0.description) } ?? .null)
            builder.add("resolved_at", incident.resolvedAt.map { .text($0.description) } ?? .null)
            builder.add("state", text: incident.state.rawValue)
            builder.add("services", .sequence(incident.services.map(StructuredValue.text)))
            builder.add("causes", .sequence(incident.causes.map(StructuredValue.text)))
            builder.add("tags", .sequence(incident.tags.map(StructuredValue.text)))
            return builder.value
        })
        if incidents.isEmpty && output.format == .table {
            Output.writeError("No incidents match.\n")
            return
        }
        ListingPrinter.print(listing, json: json, format: output.format)
    }

    private func duration(_ incident: IncidentSummary) -> String {
        guard let end = incident.mitigatedAt ?? incident.resolvedAt else { return "ongoing" }
        return DurationText.short(seconds: end.seconds(since: incident.startedAt))
    }
}
