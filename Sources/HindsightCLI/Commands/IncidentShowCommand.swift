import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight incident show ID`: everything recorded about one incident.
struct IncidentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything recorded about one incident.",
        discussion: """
            Times, impact per service, what the incident cost each SLA window its impacts reach \
            (its downtime, the window's allowance, the share used and whether the window is \
            breached, as of now), contributing factors with their latent age, the earlier \
            incidents whose factors they repeat and the later ones that repeated them, actions \
            with their due dates, the timeline and the summary. --format json gives the record in the \
            interchange structure plus derived fields and sla_windows, csv the same as one row; markdown \
            pastes into a review document.

            Example:
              hindsight incident show 2019-10-30-catalogue-elasticsearch-overload
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Output format; table is text for a terminal.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("The incident's id.", valueName: "id"), completion: .knowledgeBase(.incidents))
    var id: String

    /// The CSV header: the fields of the JSON record, in their order, whether or not the incident
    /// has them (`derived` is one cell of JSON, as are the lists of impacts, factors, actions,
    /// timeline entries and SLA windows).
    static let csvFields = ["id", "title", "severity", "near_miss", "detection", "started_at", "detected_at", "mitigated_at",
                            "resolved_at", "summary", "source", "tags", "impacts", "factors", "actions", "timeline", "derived",
                            "sla_windows"]

    func validate() throws {
        // Malformed, as for 'action add INCIDENT': no incident can have that id.
        _ = try OptionParsing.value("ID", id) { try Identifier.validate($0); return $0 }
    }

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        guard let incident = try knowledgeBase.incident(id: id) else {
            throw CLIError(.dataError, "error: no incident with id '\(id)'; 'hindsight incidents' lists them")
        }
        let links = try knowledgeBase.repeatLinks(incident: id) ?? ([], [])
        let now = Clock.now
        let today = now.utcDate
        // Windows still open are judged as of now, closed ones as of their end, as a report does.
        let charges = try knowledgeBase.slaCharges(incident: id, asOf: now) ?? []
        switch format {
        case .json:
            try Output.write(JSONWriter.string(IncidentDetail.json(incident, today: today, repeated: links.repeated,
                                                                   repeatedBy: links.repeatedBy, charges: charges)))
        case .csv:
            let record = IncidentDetail.json(incident, today: today, repeated: links.repeated, repeatedBy: links.repeatedBy,
                                             charges: charges)
            try Output.write(RecordCSV.csv(.sequence([record]), fields: Self.csvFields))
        case .markdown:
            try Output.write(IncidentDetail.markdown(incident, now: now, repeated: links.repeated, repeatedBy: links.repeatedBy,
                                                     charges: charges))
        case .table:
            try Output.write(IncidentDetail.text(incident, now: now, repeated: links.repeated, repeatedBy: links.repeatedBy,
                                                 charges: charges))
        }
    }
}
