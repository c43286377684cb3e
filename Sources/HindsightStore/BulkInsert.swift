import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// An `INSERT` (or any statement that returns no rows) prepared by GRDB and run with its values
/// bound straight through SQLite's C interface.
///
/// Why: an import runs a few statements millions of times, and GRDB's arguments (an array of
/// `DatabaseValue`s built, checked and bound for every row) cost about a microsecond a row, a
/// tenth of the import. Here the values go from Swift to SQLite without an intermediate array.
/// Errors are GRDB's `DatabaseError`, as from `execute`.
struct BulkInsert {
    private let statement: Statement
    private let parameterCount: Int32

    /// Prepares `sql` (cached by the connection) for repeated use in the current transaction.
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        parameterCount = sqlite3_bind_parameter_count(statement.sqliteStatement)
    }

    /// Binds the values `bind` gives, in parameter order, and runs the statement once.
    /// - Throws: `DatabaseError` when SQLite refuses the row, or when `bind` gives fewer or more
    ///   values than the statement has parameters.
    func run(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        var values = Values(handle: handle)
        bind(&values)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard values.count == parameterCount else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "\(values.count) values for \(parameterCount) parameters", sql: statement.sql)
        }
        if let failure = values.failure {
            throw DatabaseError(resultCode: ResultCode(rawValue: failure), message: message(handle), sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message(handle), sql: statement.sql)
        }
    }

    private func message(_ handle: OpaquePointer) -> String {
        sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "unknown error"
    }

    /// The values of one run, bound as they are given.
    struct Values {
        fileprivate let handle: OpaquePointer
        fileprivate private(set) var count: Int32 = 0
        /// The first binding SQLite refused, if any.
        fileprivate private(set) var failure: Int32?

        /// SQLite copies the text before the call returns (`SQLITE_TRANSIENT`).
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        fileprivate init(handle: OpaquePointer) { self.handle = handle }

        private mutating func next(_ bind: (Int32) -> Int32) {
            count += 1
            let code = bind(count)
            if code != SQLITE_OK && failure == nil { failure = code }
        }

        mutating func add(_ value: Int64) {
            let handle = handle
            next { sqlite3_bind_int64(handle, $0, value) }
        }

        mutating func add(_ value: Int) { add(Int64(value)) }

        mutating func add(_ value: Double) {
            let handle = handle
            next { sqlite3_bind_double(handle, $0, value) }
        }

        mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

        mutating func add(_ value: Int64?) {
            guard let value else { return addNull() }
            add(value)
        }

        mutating func add(_ value: String?) {
            guard var value else { return addNull() }
            let handle = handle
            next { index in
                value.withUTF8 { utf8 in
                    // An empty buffer may have no address, and a null pointer would bind NULL.
                    guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
                    return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
                        sqlite3_bind_text(handle, index, text, Int32(utf8.count), Self.transient)
                    }
                }
            }
        }

        mutating func addNull() {
            let handle = handle
            next { sqlite3_bind_null(handle, $0) }
        }
    }
}
