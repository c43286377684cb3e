import Foundation
import GRDB

/// Looks at a database file through a read-only connection, before anything may write to it.
enum SchemaInspector {
    enum State: Equatable {
        /// No file, an empty file, or an SQLite file with no tables.
        case empty
        /// Migrated by this hindsight, up to date.
        case current
        /// Migrated by an older hindsight: some known migrations are not applied yet.
        case older
        /// Migrated by a newer hindsight: it records migrations this binary does not know.
        case newer([String])
        /// Tables, but not Hindsight's.
        case foreign
    }

    /// Whether this process may write both the file and its folder (a read-only mount fails both).
    private static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    static func inspect(path: String, busyTimeout: TimeInterval) throws -> State {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber, size.intValue > 0 else { return .empty }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.contains("grdb_migrations") else { return tables.isEmpty ? .empty : .foreign }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = SchemaMigrations.identifiers
                guard tables.contains("incident") || applied.contains(where: known.contains) else { return .foreign }
                let unknown = applied.filter { !known.contains($0) }.sorted()
                if !unknown.isEmpty { return .newer(unknown) }
                return Set(applied) == Set(known) ? .current : .older
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB:
                throw StoreError.unreadableDatabase(path: path, reason: "the file is not an SQLite database")
            case .SQLITE_CORRUPT:
                throw StoreError.unreadableDatabase(path: path, reason: "the database file is damaged (\(error.message ?? "corrupt"))")
            case .SQLITE_CANTOPEN where access(path, R_OK) == 0 && !isWritable(path):
                throw StoreError.unreadableDatabase(path: path, reason: """
                    the file or its folder is read-only, and SQLite must create \(path)-shm beside a \
                    knowledge base (it is in WAL mode) even to read it; make them writable or copy the file elsewhere
                    """)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                throw StoreError.unreadableDatabase(path: path, reason: "it cannot be opened (\(error.message ?? "permission denied"))")
            default:
                throw error
            }
        }
    }
}
