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

    @Option(name: .long, help: "Output format.")
    var format: Format = .yaml

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        // Written as it is read, so that a long history is never held whole.
        var output = BufferedStandardOutput()
        var writer = try InterchangeStreamWriter(format: format == .yaml ? .yaml : .json)
        try writer.begin(to: &output)
        try knowledgeBase.exportRecords { section, record in
            try writer.add(record, in: section, to: &output)
            // A reader that has gone (`| head`) or a full disk ends the export there.
            try output.checkWritten()
        }
        try writer.finish(to: &output)
        try output.finish()
    }
}
