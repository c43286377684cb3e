import Foundation
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A connection to a database file read as an immutable file (`?immutable=1`): SQLite takes no
/// lock, makes no side file and writes nothing, so that a look at a file leaves it, and its folder,
/// exactly as they were.
///
/// Why not through SQLite's locks: even a read-only connection creates the -wal and -shm files of
/// a WAL database that has none, and leaves them behind. The price is that a commit still in a
/// -wal file is not seen, so callers use it only when there is no -wal and no -journal beside the
/// file (``isAlone(_:)``), that is, when the main file holds every commit.
final class ImmutableFileReader {
    private let connection: OpaquePointer

    /// Opens `path` read-only and immutable; nil when SQLite cannot open it so.
    init?(path: String) {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(Self.uri(path), &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK,
              let opened = connection else {
            sqlite3_close_v2(connection)
            return nil
        }
        self.connection = opened
    }

    deinit { sqlite3_close_v2(connection) }

    /// Whether no -wal and no -journal lie beside `path`: no connection has it open and no writer
    /// was killed mid-commit, so the main file alone holds the database.
    static func isAlone(_ path: String) -> Bool {
        !FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-journal")
    }

    /// The first column of every row of `sql`, with `arguments` bound to its `?` in order, as
    /// text; nil when the statement fails (a damaged file, a missing table) or a value is NULL.
    func strings(_ sql: String, _ arguments: [String] = []) -> [String]? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        for (position, argument) in arguments.enumerated() {
            // SQLite copies the text (SQLITE_TRANSIENT), since Swift's buffer lives only for the call.
            guard sqlite3_bind_text(statement, Int32(position + 1), argument, -1,
                                    unsafeBitCast(-1, to: sqlite3_destructor_type.self)) == SQLITE_OK else { return nil }
        }
        var values: [String] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_DONE: return values
            case SQLITE_ROW:
                guard let text = sqlite3_column_text(statement, 0) else { return nil }
                values.append(String(cString: text))
            default: return nil
            }
        }
    }

    /// `path` as a URI with `immutable`: '%', '?' and '#' in the path must be escaped, and an
    /// absolute path gets an empty authority so that one starting with '//' is not read as a host.
    private static func uri(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return (path.hasPrefix("/") ? "file://" : "file:") + escaped + "?immutable=1"
    }
}
