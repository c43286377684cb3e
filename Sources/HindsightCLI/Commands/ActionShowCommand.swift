import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight action show ID`: one action with its history.
struct ActionShowCommand: ParsableCommand, RecognisesItsArgument {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one action: its fields, due date, the factors it addresses, its history.",
        discussion: """
            Also says whether the action did not prevent a repeat: every action addressing its \
            factor was done, and the factor repeated (same service, same cause path or one below \
            it) after the last of them was completed.

            Example:
              hindsight action show \\
                2019-10-30-catalogue-elasticsearch-overload/no-fetch-on-health \\
                --format json
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Output format; table is text for a terminal.")
    var format: OutputFormat = .table

    @OptionGroup var asOf: AsOfDayOptions

    @Argument(help: ArgumentHelp("The action, INCIDENT-ID/ACTION-ID.", valueName: "id"), completion: .knowledgeBase(.actions))
    var id: String

    /// The CSV header: the fields of the JSON record, in their order (the repeats it did not
    /// prevent and the history are one cell of JSON each).
    static let csvFields = ActionsCommand.csvFields + ["incident_title", "did_not_prevent_repeat", "history"]

    /// An action id is INCIDENT-ID/ACTION-ID, so a word without a `/` is no id but a command name.
    static func couldBeArgument(_ word: String) -> Bool { word.contains("/") }

    func validate() throws {
        _ = try OptionParsing.actionReference(id)
    }

    func run() throws {
        let reference = try OptionParsing.actionReference(id)
        let day = try asOf.day(today: Clock.now.utcDate)
        let detail = try database.open(.readOnly).actionDetail(reference)
        switch format {
        case .table: try Output.write(ActionDetailText.text(detail, on: day))
        case .json: try Output.write(JSONWriter.string(ActionDetailText.json(detail, on: day)))
        case .csv: try Output.write(RecordCSV.csv(.sequence([ActionDetailText.json(detail, on: day)]), fields: Self.csvFields))
        case .markdown: try Output.write(ActionDetailText.markdown(detail, on: day))
        }
    }
}
