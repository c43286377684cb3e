import ArgumentParser
import HindsightStore

/// `hindsight backup FILE`: a consistent, verified copy of the knowledge base, made while others
/// may be writing to it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, verified copy of the knowledge base to a file.",
        discussion: """
            Safe while other hindsight processes write: the copy is the knowledge base as of one \
            commit. It is written to a hidden temporary file in FILE's folder, checked with \
            SQLite's integrity_check, synced to disk and then renamed to FILE in one step, so FILE \
            is never a partial copy. An existing FILE is refused unless --overwrite is given. The \
            copy is an ordinary knowledge base: use it with --db, or move it over the original \
            to restore.

            Examples:
              hindsight backup /backups/hindsight-$(date +%F).sqlite
              hindsight backup --overwrite /backups/hindsight-latest.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The file to write the copy to.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Replace FILE if it exists.")
    var overwrite = false

    func validate() throws {
        if file.isEmpty { throw ValidationError("the backup file needs a path") }
    }

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        let bytes = try knowledgeBase.backup(to: file, overwrite: overwrite)
        try Output.confirm("Backed up \(knowledgeBase.path) to \(file) (\(bytes) bytes, integrity check ok).\n", saved: "the backup")
    }
}
