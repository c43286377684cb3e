import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight incidents`: past incidents, filtered by service, time, cause, role, detection,
/// repeats, tag and severity.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List incidents, filtered by service, date, cause, role, detection, repeats, tag or severity.",
        discussion: """
            --cause matches the path and everything below it, segment by segment: 'cache' matches \
            cache/key but not caching/x. With --role too, one factor must have both (one of the roles, \
            under one of the paths). --since and \
            --until are UTC days (inclusive) on which the incident started; --quarter, --month or \
            --year name such days at once. --repeat keeps the \
            incidents with a factor that repeats one of an earlier incident: a shared service and \
            the earlier factor's cause path or one below it. Repeated --service, --cause, --tag, \
            --severity, --role or --detection options match any of them.

            Examples:
              hindsight incidents --cause cache
              hindsight incidents --cause deploy --role latent
              hindsight incidents --cause cache --cause search
              hindsight incidents --quarter 2019Q4 --severity SEV1
              hindsight incidents --repeat --service catalogue-api --format json
              hindsight incidents --near-miss --detection staff
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: IncidentScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only incidents with a factor in this role: \(FactorRole.spellings).", valueName: "role"),
            completion: .keyword(FactorRole.self))
    var role: [String] = []

    // Two flags rather than one with an inversion, whose last spelling silently won when both
    // were given; refused together below, as 'sla change' refuses --credit with --no-credits.
    @Flag(name: .customLong("near-miss"), help: "Only near misses.")
    var nearMissOnly = false

    @Flag(name: .customLong("no-near-miss"), help: "Only incidents that were not near misses.")
    var noNearMiss = false

    @Option(name: .long, help: ArgumentHelp("Only incidents first noticed this way: \(DetectionSource.spellings).", valueName: "source"),
            completion: .keyword(DetectionSource.self))
    var detection: [String] = []

    @Flag(name: .customLong("repeat"), help: "Only incidents with a factor that repeats a factor of an earlier incident.")
    var repeatsOnly = false

    @Option(name: .long, help: ArgumentHelp("Only incidents with this tag.", valueName: "tag"), completion: .knowledgeBase(.tags))
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only incidents of this severity (SEV1 … SEV5).", valueName: "severity"),
            completion: .keyword(Severity.self))
    var severity: [String] = []

    func validate() throws {
        _ = try filter()
    }

    private func filter() throws -> IncidentFilter {
        var filter = IncidentFilter()
        try scope.apply(to: &filter)
        filter.roles = try role.map { text in
            guard let value = FactorRole(rawValue: text) else {
                throw ValidationError("--role \(QuotedValue.quote(text)) is not one of \(FactorRole.spellings)")
            }
            return value
        }
        if nearMissOnly && noNearMiss { throw ValidationError("give --near-miss or --no-near-miss, not both") }
        filter.nearMiss = nearMissOnly ? true : noNearMiss ? false : nil
        filter.detections = try detection.map { text in
            guard let value = DetectionSource(rawValue: text) else {
                throw ValidationError("--detection \(QuotedValue.quote(text)) is not one of \(DetectionSource.spellings)")
            }
            return value
        }
        filter.repeatsOnly = repeatsOnly
        // An import refuses an empty tag, so --tag "" (an unset variable) could only match nothing.
        filter.tags = try tag.map { try OptionParsing.text("--tag", $0) }
        filter.severities = try severity.map { text in
            guard let value = Severity(rawValue: text.uppercased()) else {
                throw ValidationError("--severity \(QuotedValue.quote(text)) is not one of \(Severity.spellings)")
            }
            return value
        }
        return filter
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["id", "title", "severity", "near_miss", "started_at", "mitigated_at", "resolved_at", "state", "services", "causes", "tags"]

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        try scope.checkServicesExist(in: knowledgeBase)
        let incidents = try knowledgeBase.incidentSummaries(matching: try filter())
        if incidents.isEmpty && output.format == .table {
            Output.writeError("No incidents match.\n")
            return
        }
        try Self.listing.print(incidents, format: output.format)
    }

    /// The listing's columns, cells and JSON object of an incident.
    static var listing: RecordListing<IncidentSummary> { RecordListing(
        columns: [.init("STARTED (UTC)"), .init("ID"), .init("SEV"), .init("STATE"),
                  .init("TO MITIGATE", alignRight: true), .init("SERVICES", maxWidth: 30), .init("TITLE", maxWidth: 60)],
        cells: { incident in
            [MinuteText.utc(incident.startedAt),
             incident.id, [incident.severity?.rawValue, incident.nearMiss ? "near miss" : nil].compactMap { $0 }.joined(separator: ", "),
             incident.state.rawValue, timeToMitigate(incident), incident.services.joined(separator: ", "), incident.title]
        },
        json: { incident in
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
        },
        csvFields: csvFields) }

    /// How long the incident hurt, as `incident show` and the report's timing count it. The
    /// report's `DURATION` runs to the resolution instead, so this column is not called that.
    private static func timeToMitigate(_ incident: IncidentSummary) -> String {
        IncidentFacts.secondsToMitigate(startedAt: incident.startedAt, mitigatedAt: incident.mitigatedAt,
                                        resolvedAt: incident.resolvedAt).map(DurationText.short(seconds:)) ?? "ongoing"
    }
}
