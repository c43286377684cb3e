import GRDB
import HindsightMigrations

/// The schema migrations compiled into this binary, registered with GRDB under their file names.
enum SchemaMigrations {
    /// Migration identifiers, e.g. `0001_initial`, in the order they apply.
    static var identifiers: [String] { files.map(\.identifier) }

    static var files: [(identifier: String, sql: String)] {
        EmbeddedFiles.all
            .filter { $0.name.hasSuffix(".sql") }
            .map { (String($0.name.dropLast(4)), $0.text) }
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in files {
            migrator.registerMigration(file.identifier) { db in
                try db.execute(sql: file.sql)
            }
        }
        return migrator
    }
}
