import ArgumentParser
import Foundation
import HindsightCore
import HindsightStore

/// `hindsight import`: loads interchange files into the knowledge base in one transaction.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import postmortems, services, SLAs and maintenance from interchange YAML or JSON.",
        discussion: """
            All files of one run go in as one transaction: if any problem is found, every problem is \
            printed as file:line:column: message, the command exits 65 and nothing is written. \
            Records are keyed by id: importing the same file twice changes nothing, and a changed \
            record is refused unless --replace is given. Files are read record by record, so a \
            history of any length imports in bounded memory.

            Examples:
              hindsight import postmortems/
              hindsight import --replace 2019-10-30-catalogue-overload.yaml
              hindsight export --format json | hindsight import --db copy.sqlite -
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Overwrite stored records that differ (an incident's parts are replaced as a whole).")
    var replace = false

    @Option(name: .long, help: ArgumentHelp("Who is importing, for the action history (default: your login name).",
                                            valueName: "name"))
    var by: String?

    @Argument(help: ArgumentHelp("Files or directories to import; - reads standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or directory to import (- for standard input)") }
        // As for --db and backup's FILE: an empty name (an unset variable) names no file, and the
        // message for it as a missing file began with a bare colon.
        if paths.contains("") {
            throw ValidationError("a path to import may not be empty; name a file or a directory, or - for standard input")
        }
        // As for the action commands: an empty name would be recorded as no one.
        if let by { _ = try OptionParsing.text("--by", by) }
    }

    func run() throws {
        let path = database.path
        let summary = try InterchangeInput.withSources(paths) { sources in
            try KnowledgeBase.writing(at: path) { knowledgeBase in
                try knowledgeBase.importRecords(replace: replace, actor: by ?? LoginName.current, now: Clock.now) { add in
                    try InterchangeInput.decode(sources, each: add)
                }
            }
        }
        try Output.confirm(ImportReport.text(summary, path: path), saved: summary.changedNothing ? nil : "the import")
    }
}

/// The one-paragraph account of an import.
enum ImportReport {
    static func text(_ summary: ImportSummary, path: String) -> String {
        func line(_ name: String, _ counts: ImportSummary.Counts) -> String? {
            guard counts.total > 0 else { return nil }
            return "  \(name): \(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged"
        }
        let lines = [line("services", summary.services), line("SLAs", summary.slas),
                     line("maintenance", summary.maintenance), line("incidents", summary.incidents)].compactMap { $0 }
        let heading = summary.changedNothing ? "Nothing to change in \(path)." : "Imported into \(path):"
        return ([heading] + lines).joined(separator: "\n") + "\n"
    }
}
