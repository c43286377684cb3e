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

    /// The state of the database at `path` (named so in messages), whose symbolic links lead to
    /// `resolvedPath`, beside which SQLite keeps its side files.
    static func inspect(path: String, resolvedPath: String, busyTimeout: TimeInterval) throws -> State {
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolvedPath)
        guard let size = attributes?[.size] as? NSNumber, size.intValue > 0 else { return .empty }
        // Even a read-only connection creates the -wal and -shm files of a WAL database that has
        // none, and leaves them behind: a file refused as newer would not be left as it was.
        if let peeked = peekAtMainFile(resolvedPath), case .newer = peeked { return peeked }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        // A read-only connection leaves the side files it made; a file refused as damaged or not a
        // database must be left as it was.
        let sideFiles = NewSideFiles(of: resolvedPath)
        var queue: DatabaseQueue?
        func closeAndRemoveNewSideFiles() {
            try? queue?.close()
            queue = nil
            sideFiles.remove()
        }
        do {
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            queue = opened
            let state = try opened.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.contains("grdb_migrations") else { return classify(tables: tables, applied: []) }
                return classify(tables: tables, applied: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            }
            // Another application's database keeps whatever side files appear beside it: that
            // application may open it at any moment, and removing a -wal or -shm it has just made
            // would split its connections between two logs. A damaged file or one that is not a
            // database has no such user.
            return state
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB:
                closeAndRemoveNewSideFiles()
                throw StoreError.unreadableDatabase(path: path, reason: "the file is not an SQLite database")
            case .SQLITE_CORRUPT:
                closeAndRemoveNewSideFiles()
                throw StoreError.unreadableDatabase(path: path, reason: "the database file is damaged (\(error.message ?? "corrupt"))")
            case .SQLITE_CANTOPEN where access(resolvedPath, R_OK) == 0 && !KnowledgeBase.mayWrite(resolvedPath):
                throw StoreError.unreadableDatabase(path: path, reason: """
                    the file or its folder is read-only, and SQLite must create \(resolvedPath)-shm beside a \
                    knowledge base (it is in WAL mode) even to read it; make them writable or copy the file elsewhere
                    """)
            case .SQLITE_CANTOPEN where access(resolvedPath, R_OK) != 0:
                // SQLite says only "unable to open database file"; the system says why.
                throw StoreError.unreadableDatabase(path: path, reason: "it cannot be opened (\(String(cString: strerror(errno))))")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                throw StoreError.unreadableDatabase(path: path, reason: "it cannot be opened (\(error.message ?? "permission denied"))")
            default:
                throw error
            }
        }
    }

    /// What the tables and applied migrations of a file make it.
    static func classify(tables: [String], applied: [String]) -> State {
        guard tables.contains("grdb_migrations") else { return tables.isEmpty ? .empty : .foreign }
        let known = SchemaMigrations.identifiers
        guard tables.contains("incident") || applied.contains(where: known.contains) else { return .foreign }
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { return .newer(unknown) }
        return Set(applied) == Set(known) ? .current : .older
    }

    /// The state the main file records on its own, read as an immutable file: no lock is taken and
    /// no side file is made. Only when there is no -wal and no -journal beside it, that is, when
    /// no connection has the file open and the main file holds every commit; nil otherwise, or
    /// when the file cannot be read this way (the caller then looks through SQLite's locks).
    /// Trusted only to find migrations from a newer hindsight, which are never taken away again.
    private static func peekAtMainFile(_ path: String) -> State? {
        guard ImmutableFileReader.isAlone(path), let reader = ImmutableFileReader(path: path) else { return nil }
        guard let tables = reader.strings("SELECT name FROM sqlite_master WHERE type = 'table'") else { return nil }
        guard tables.contains("grdb_migrations") else { return classify(tables: tables, applied: []) }
        guard let applied = reader.strings("SELECT identifier FROM grdb_migrations") else { return nil }
        return classify(tables: tables, applied: applied)
    }
}
