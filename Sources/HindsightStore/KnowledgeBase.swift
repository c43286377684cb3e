import CSQLiteSettings
import Foundation
import GRDB
import HindsightCore

/// A Hindsight knowledge base: one SQLite file, opened safely for many processes at once.
///
/// Opening promises: WAL journaling, foreign keys enforced, a busy timeout so that concurrent
/// writers wait instead of failing, `synchronous=FULL` so that a reported write survives power
/// loss, migrations applied one process at a time (an `flock` on `<path>.lock`, named after the file
/// a symbolic link leads to, so that every name of one database shares it), and a database
/// written by a newer hindsight refused before a single byte of it changes.
public final class KnowledgeBase {
    /// How a command means to use the file.
    public enum Access: Sendable {
        /// Create the file (and its folder) when missing and bring its schema up to date.
        case readWrite
        /// Require an existing file; migrate it only if it is from an older hindsight.
        case readOnly
        /// Require an existing knowledge base, refusing a missing or empty file as `readOnly`
        /// does, and open it for writing: for commands that change records which must already
        /// be there, and so could only fail, after writing a schema, on a new file.
        case existing
    }

    /// The database file, as it was named.
    public let path: String
    /// `path` with its symbolic links followed: the file SQLite keeps its side files beside, after
    /// which Hindsight names its own.
    let resolvedPath: String
    let queue: DatabaseQueue

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// The page size, in bytes, of a knowledge base this binary creates. SQLite's default is
    /// 4 096. A knowledge base is written in bulk and read in ranges (a quarter's impacts, a
    /// history's factors), and fewer, larger pages mean fewer b-tree pages to split and to write:
    /// importing 100 000 generated incidents took 11.7 s with 16 KiB pages against 12.5–13.6 s
    /// with 4 KiB ones, and no query measured in BENCHMARKS.md got slower. Files made with
    /// another page size keep it.
    public static let pageSize = 16_384

    /// The schema migrations this binary knows, in order.
    public static var schemaMigrations: [String] { SchemaMigrations.identifiers }

    /// Makes sure a new knowledge base at `path` can be created in the folder of `resolvedPath`
    /// (where its symbolic links lead): that folder is made when missing (and its parents), and
    /// refused when it is a file or cannot be written to. Checked here because SQLite would say
    /// only "unable to open database file".
    /// - Returns: the folders made, outermost first, so that a failed first write can remove
    ///   them all; empty when the folder was there.
    /// - Throws: ``StoreError/cannotCreate(path:reason:)``, naming `path`, having removed any
    ///   folder it made.
    static func prepareFolder(for path: String, resolvedPath: String) throws -> [String] {
        let folder = ContainingFolder.of(resolvedPath)
        guard !folder.isEmpty else { return [] }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.cannotCreate(path: path, reason: "\(folder) is a file, not a folder") }
            if !FileManager.default.isWritableFile(atPath: folder) {
                throw StoreError.cannotCreate(path: path, reason: "the folder \(folder) cannot be written to")
            }
            return []
        }
        var made: [String] = []
        do {
            // mkdir(2) for each missing folder, rather than FileManager, for errno's words on failure.
            var prefix = folder.hasPrefix("/") ? "/" : ""
            for component in folder.split(separator: "/") {
                prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
                if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory) {
                    if !isDirectory.boolValue { throw StoreError.cannotCreate(path: path, reason: "\(prefix) is a file, not a folder") }
                    continue
                }
                if mkdir(prefix, 0o777) == 0 {
                    made.append(prefix)
                } else if errno != EEXIST {
                    throw StoreError.cannotCreate(path: path, reason: "the folder \(prefix) could not be made: \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            removeFolders(made)
            throw error
        }
        return made
    }

    /// Removes `folders`, made by ``prepareFolder(for:resolvedPath:)``, innermost first; one that
    /// is no longer empty (another process put a file in it meanwhile) stays, and so do the
    /// folders around it.
    static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() where rmdir(folder) != 0 { return }
    }

    private init(path: String, resolvedPath: String, queue: DatabaseQueue) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.queue = queue
    }

    /// Where the symbolic links of `path` lead.
    /// - Throws: ``StoreError/unreadableDatabase(path:reason:)`` when they go round in a loop.
    static func resolve(_ path: String) throws -> String {
        guard let resolved = SymbolicLinks.resolve(path) else {
            throw StoreError.unreadableDatabase(path: path, reason: "its symbolic links go round in a loop (or lead through more than \(SymbolicLinks.limit))")
        }
        return resolved
    }

    /// Opens the knowledge base at `path`.
    /// - Throws: ``StoreError`` for a missing, foreign, damaged or newer database, or one that
    ///   cannot be created where asked; GRDB's `DatabaseError` for I/O failures.
    public static func open(at path: String, access: Access) throws -> KnowledgeBase {
        _ = sqliteSettings
        let resolvedPath = try resolve(path)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if access != .readWrite && !exists {
            throw StoreError.missingDatabase(path: path)
        }
        // SQLite would report only a disk I/O error, which sends the user looking at the disk.
        if exists && isDirectory.boolValue {
            throw StoreError.unreadableDatabase(path: path, reason: "it is a directory; a knowledge base is a file, such as \((path as NSString).appendingPathComponent("hindsight.sqlite"))")
        }
        // SQLite would write a -journal and the lock file beside a device or a pipe (in /dev, for
        // /dev/null) and then report a disk I/O error, or call it empty.
        if exists && !isDirectory.boolValue, let kind = specialFileKind(path) {
            throw StoreError.unreadableDatabase(path: path, reason: "it is \(kind), not a regular file; a knowledge base is a file, such as hindsight.sqlite")
        }
        if access == .readWrite && !exists {
            _ = try prepareFolder(for: path, resolvedPath: resolvedPath)
            // `init` or `demo` after a first import was killed: its temporary file is garbage now.
            removeAbandonedPartials(in: ContainingFolder.of(resolvedPath),
                                    name: (resolvedPath as NSString).lastPathComponent)
        }
        let lock = MigrationLock(path: resolvedPath + ".lock")
        defer { withExtendedLifetime(lock) {} }

        let state = try SchemaInspector.inspect(path: path, resolvedPath: resolvedPath, busyTimeout: busyTimeout)
        switch state {
        case .newer(let unknown):
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
        case .foreign:
            throw StoreError.foreignDatabase(path: path)
        case .empty where access != .readWrite:
            // Creating the schema would be a write by a command that promised only to read.
            throw StoreError.emptyDatabase(path: path)
        case .current where access == .readOnly:
            var configuration = baseConfiguration()
            // SQLite removes the -wal and -shm files when the last connection to the file closes,
            // but only a connection that may write does so: opened read-only, every listing left
            // them behind. So a file this process may write is opened for writing; the command
            // still only reads, each read in a transaction SQLite holds to `query_only`.
            configuration.readonly = !mayWrite(resolvedPath)
            return KnowledgeBase(path: path, resolvedPath: resolvedPath, queue: try DatabaseQueue(path: path, configuration: configuration))
        case .current, .empty, .older:
            // GRDB's own WAL set-up (`journalMode = .wal`) writes to the file at every opening (it
            // creates and drops a table to make the -wal file non-empty), so a refused import would
            // still change the database's bytes. WAL mode is persistent in the file: set it once,
            // when the schema is created or migrated, and open with the mode the file records.
            let queue = try DatabaseQueue(path: path, configuration: baseConfiguration())
            try queue.writeWithoutTransaction { db in
                // Every acknowledged import must survive a power cut.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Only a file without pages takes it; SQLite ignores it for any other, which keeps
                // the page size it was made with.
                if state == .empty { try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)") }
                if state != .current { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            if state != .current {
                try SchemaMigrations.migrator().migrate(queue)
            }
            return KnowledgeBase(path: path, resolvedPath: resolvedPath, queue: queue)
        }
    }

    /// Whether this process may write the file at `resolvedPath` and make files in its folder, as
    /// a connection that writes (or removes its -wal and -shm files on closing) needs; a read-only
    /// mount fails both, which is how ``SchemaInspector`` tells it from a damaged file.
    static func mayWrite(_ resolvedPath: String) -> Bool {
        let folder = ContainingFolder.of(resolvedPath)
        return access(resolvedPath, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// What `path` is when it exists but is neither a regular file nor a directory (after symbolic
    /// links), in words; nil otherwise.
    static func specialFileKind(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return nil
        }
    }

    /// Made once, before the process opens its first connection: SQLite's memory statistics take
    /// a process-wide mutex at every allocation, about 6 % of an import's writing. Too late (when
    /// something else opened SQLite first) it changes nothing.
    private static let sqliteSettings: Void = { _ = hindsight_sqlite_disable_memory_statistics() }()

    private static func baseConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "hindsight"
        return configuration
    }

    /// Closes the file: the last connection checkpoints the WAL into it and removes the WAL.
    public func close() throws {
        try queue.close()
    }

    /// The applied schema migrations, in order.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try SchemaMigrations.migrator().appliedMigrations(db) }
    }
}
