import ArgumentParser
import Foundation
import HindsightCore
import HindsightStore

/// `hindsight doctor`: checks the knowledge base file and its indexes, and rebuilds the
/// full-text index on request.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the knowledge base: integrity, foreign keys, schema, search index, WAL size.",
        discussion: """
            Prints one line per check and exits with 1 if any check found a problem (0 when all \
            pass). The checks: SQLite's integrity_check; foreign_key_check (rows that refer to \
            records that do not exist); the schema version; the full-text search index against \
            the incidents, factors, actions and timeline events it is built from; and the size of \
            the write-ahead log (reported, never a problem). --repair rebuilds the search index \
            when it is out of step and the file passes integrity_check; nothing else is ever \
            changed, and a damaged file is not written at all.

            Examples:
              hindsight doctor
              hindsight doctor --repair
              hindsight doctor --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Rebuild the full-text search index if it is out of step.")
    var repair = false

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["check", "ok", "detail"]

    func run() throws {
        // Opened for reading first, so that a missing file is refused rather than created.
        var knowledgeBase = try database.open(.readOnly)
        if repair { knowledgeBase = try database.open(.readWrite) }
        let checks = try knowledgeBase.healthChecks(repairSearchIndex: repair)
        let listing = Listing(columns: [.init("CHECK"), .init("RESULT"), .init("DETAIL")],
                              rows: checks.map { [$0.name, $0.passed ? "ok" : "PROBLEM", $0.detail] })
        let json = StructuredValue.sequence(checks.map { check in
            var builder = MappingBuilder()
            builder.add("check", text: check.name)
            builder.add("ok", .bool(check.passed))
            builder.add("detail", text: check.detail)
            return builder.value
        })
        try ListingPrinter.print(listing, json: json, csvFields: Self.csvFields, format: output.format)
        let failed = checks.filter { !$0.passed }.map(\.name)
        if !failed.isEmpty {
            var advice = ""
            if failed.contains("integrity") {
                // --repair rebuilds only the search index, and never on a damaged file.
                advice = "; the file is damaged\(repair ? ", so nothing was repaired" : ""): restore it from a backup"
            } else if failed.contains("search index") && !repair {
                advice = "; 'hindsight doctor --repair' rebuilds the search index"
            }
            throw CLIError(.failure, "error: \(knowledgeBase.path): problems found by \(failed.joined(separator: ", "))\(advice)")
        }
    }
}
