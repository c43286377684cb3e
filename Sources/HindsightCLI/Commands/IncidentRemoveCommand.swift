import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight incident remove ID`: removes an incident and everything recorded about it.
struct IncidentRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an incident with its impacts, factors, actions and their history, and timeline.",
        discussion: """
            For an incident imported twice or under a wrong id: reports, listings and search then \
            read as if it had never been imported. Its actions' history goes with it, so an incident \
            added later under the same id starts afresh. To keep a copy, run 'hindsight export' \
            first.

            Example:
              hindsight incident remove 2023-05-16-url-shortener-json-load
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The incident's id.", valueName: "id"), completion: .knowledgeBase(.incidents))
    var id: String

    func validate() throws {
        // As for `incident show`: no incident can have a malformed id.
        _ = try OptionParsing.value("ID", id) { try Identifier.validate($0); return $0 }
    }

    func run() throws {
        let knowledgeBase = try database.openExisting()
        guard let removed = try knowledgeBase.removeIncident(id: id) else {
            throw CLIError(.dataError, "error: no incident with id '\(id)'; 'hindsight incidents' lists them")
        }
        try Output.confirm("Removed incident \(id) with \(Self.parts(removed)).\n", saved: "the removal")
    }

    /// The parts removed with the incident, counted: "1 impact, 6 factors, 6 actions (6 history
    /// records) and 9 timeline entries".
    static func parts(_ removed: IncidentRemoval) -> String {
        func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
        }
        let actions = counted(removed.actions, "action")
            + (removed.historyRecords > 0 ? " (\(counted(removed.historyRecords, "history record")))" : "")
        return "\(counted(removed.impacts, "impact")), \(counted(removed.factors, "factor")), \(actions) and "
            + counted(removed.timelineEvents, "timeline entry", "timeline entries")
    }
}
