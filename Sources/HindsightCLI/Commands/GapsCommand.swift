import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight gaps`: where remediation is missing.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Factors that no action addresses, and incidents older than 30 days without any action.",
        discussion: """
            A factor is listed when no action addresses it and its incident had started by the \
            end of --as-of (default today). An incident is listed when more than 30 days lie \
            between the UTC day it started and --as-of and it has no action at all. Only actions \
            there by the end of --as-of count: one added with 'action add' from the UTC day it was \
            added, one that came with its postmortem from the day its incident started. \
            --service and --team keep the gaps of incidents that hit the service, or a service of \
            the team (as 'actions --team' picks them). --cause keeps the factors whose cause is \
            the path or lies under it, segment by segment ('cache' matches cache/key but not \
            cachet), and the incidents without actions that have such a factor. Repeated \
            --service, --team or --cause options match any of them; different options all apply.

            Examples:
              hindsight gaps
              hindsight gaps --as-of 2020-01-31 --format json
              hindsight gaps --team CMS --cause monitoring --cause tooling
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var asOf: AsOfDayOptions

    @Option(name: .long, help: ArgumentHelp("Only gaps of incidents that hit this service.", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only gaps of incidents that hit a service of this team.", valueName: "name"),
            completion: .knowledgeBase(.teams))
    var team: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only factors whose cause is this path or lies under it, e.g. cache or "
                                            + "cache/key, and incidents without actions that have one.", valueName: "path"),
            completion: .knowledgeBase(.causes))
    var cause: [String] = []

    func validate() throws {
        _ = try filter()
    }

    /// The gaps the options keep.
    /// - Throws: `ValidationError` (exit 64) naming the option and what it accepts.
    private func filter() throws -> GapFilter {
        var filter = GapFilter()
        filter.services = try service.map(OptionParsing.serviceID)
        // A service's team is free text, so an empty one is an unset variable, not a team.
        filter.teams = try team.map { try OptionParsing.text("--team", $0) }
        filter.causes = try cause.map(OptionParsing.causePath)
        return filter
    }

    /// The CSV's header: which kind of gap a row is, then the fields of both kinds of JSON record.
    static let csvFields = ["gap", "incident", "factor", "cause", "role", "title", "started_at"]

    /// A factor no action addresses, as in the JSON's `unaddressed_factors`.
    private static func record(_ gap: RemediationGaps.UnaddressedFactor) -> StructuredValue {
        .mapping([.init("incident", .text(gap.incidentID)), .init("factor", .text(gap.factor.id)),
                  .init("cause", .text(gap.factor.cause)), .init("role", .text(gap.factor.role.rawValue)),
                  .init("title", .text(gap.factor.title))])
    }

    /// An incident without any action, as in the JSON's `incidents_without_actions`.
    private static func record(_ gap: RemediationGaps.IncidentWithoutActions) -> StructuredValue {
        .mapping([.init("incident", .text(gap.incidentID)), .init("title", .text(gap.title)),
                  .init("started_at", .text(gap.startedAt.description))])
    }

    /// `record` with a first field `gap` that names its kind, for the CSV, where both kinds share one table.
    private static func tagged(_ kind: String, _ record: StructuredValue) -> StructuredValue {
        guard case .mapping(let entries) = record else { return record }
        return .mapping([.init("gap", .text(kind))] + entries)
    }

    func run() throws {
        let day = try asOf.day(today: Clock.now.utcDate)
        let filter = try filter()
        let knowledgeBase = try database.open(.readOnly)
        try IncidentScopeOptions.checkServicesExist(filter.services, in: knowledgeBase)
        try IncidentScopeOptions.checkTeamsExist(filter.teams, in: knowledgeBase)
        let gaps = try knowledgeBase.remediationGaps(on: day, matching: filter)
        let factorRows = gaps.unaddressedFactors.map { [$0.incidentID, $0.factor.id, $0.factor.cause, $0.factor.role.rawValue, $0.factor.title] }
        switch output.format {
        case .json:
            var root = MappingBuilder()
            root.add("as_of_day", text: day.description)
            root.add("unaddressed_factors", .sequence(gaps.unaddressedFactors.map(Self.record)))
            root.add("incidents_without_actions", .sequence(gaps.incidentsWithoutActions.map(Self.record)))
            try Output.write(JSONWriter.string(root.value))
        case .csv:
            let records = gaps.unaddressedFactors.map { Self.tagged("factor", Self.record($0)) }
                + gaps.incidentsWithoutActions.map { Self.tagged("incident", Self.record($0)) }
            try Output.write(RecordCSV.csv(.sequence(records), fields: Self.csvFields))
        case .table, .markdown:
            var document = ReportDocument()
            document.heading(1, "Remediation gaps as of \(day)")
            document.heading(2, "Factors no action addresses")
            if factorRows.isEmpty {
                document.paragraph("None: every factor has an action.")
            } else {
                document.listing(Listing(columns: [.init("INCIDENT"), .init("FACTOR"), .init("CAUSE"),
                                                   .init("ROLE"), .init("TITLE", maxWidth: 50)],
                                         rows: factorRows))
            }
            document.heading(2, "Incidents older than \(RemediationGaps.graceDays) days without any action")
            if gaps.incidentsWithoutActions.isEmpty {
                document.paragraph("None.")
            } else {
                document.listing(Listing(columns: [.init("STARTED"), .init("INCIDENT"), .init("TITLE", maxWidth: 60)],
                                         rows: gaps.incidentsWithoutActions.map { [$0.startedAt.utcDate.description, $0.incidentID, $0.title] }))
            }
            try Output.write(output.format == .table ? document.text() : document.markdown())
        }
    }
}
