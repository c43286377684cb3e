import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight export`: the whole knowledge base as one interchange document.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole knowledge base as one interchange document to standard output.",
        discussion: """
            Instants are written in UTC and durations in seconds; each impact's start \
            and end are written out. Importing the output into an empty knowledge base \
            gives one whose export is identical.

            Examples:
              hindsight export > backup.yaml
              hindsight export --format json | jq '.incidents | length'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "yaml or json.")
    var format: Format = .yaml

    func run() throws {
        let document = try database.open(.readOnly).exportDocument()
        switch format {
        case .yaml: try Output.write(try YAMLWriter.string(document))
        case .json: try Output.write(JSONWriter.string(document))
        }
    }
}
