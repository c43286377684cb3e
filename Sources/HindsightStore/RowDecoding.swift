import GRDB
import HindsightCore

/// Conversions between stored columns and domain values. A stored value that fails to convert
/// would mean a damaged database, since the schema's CHECKs admit only valid values.
enum RowDecoding {
    struct DamagedValue: Error, CustomStringConvertible {
        let column: String
        let value: String
        var description: String { "stored value '\(value)' in column \(column) is not valid" }
    }

    static func instant(_ row: Row, _ column: String) -> Instant? {
        (row[column] as Int64?).map(Instant.init(millisecondsSinceEpoch:))
    }

    static func requiredInstant(_ row: Row, _ column: String) throws -> Instant {
        guard let value = instant(row, column) else { throw DamagedValue(column: column, value: "NULL") }
        return value
    }

    static func date(_ row: Row, _ column: String) throws -> CalendarDate? {
        guard let text: String = row[column] else { return nil }
        do { return try CalendarDate(parsing: text) } catch { throw DamagedValue(column: column, value: text) }
    }

    static func keyword<K: Keyword>(_ row: Row, _ column: String, _ type: K.Type) throws -> K? {
        guard let text: String = row[column] else { return nil }
        guard let value = K(rawValue: text) else { throw DamagedValue(column: column, value: text) }
        return value
    }

    /// A list that SQL joined with the unit separator (`group_concat(x, char(31))`); empty for NULL.
    static func list(_ row: Row, _ column: String) -> [String] {
        // Split as bytes: the separator is ASCII, and splitting by Character costs a grapheme walk.
        (row[column] as String?).map { $0.utf8.split(separator: 0x1F).map { String(decoding: $0, as: UTF8.self) } } ?? []
    }

    /// The text in `column`, or nil when it holds none or the empty text: a name that a file
    /// imported before empty names were refused may still hold as "", and that names nobody.
    static func nameOrNone(_ row: Row, _ column: String) -> String? {
        guard let text: String = row[column], !text.isEmpty else { return nil }
        return text
    }

    static func fuzzyDate(_ row: Row, _ column: String) throws -> FuzzyDate? {
        guard let text: String = row[column] else { return nil }
        do { return try FuzzyDate(parsing: text) } catch { throw DamagedValue(column: column, value: text) }
    }
}

extension Instant {
    /// The stored form: milliseconds since the epoch.
    var databaseValue: Int64 { millisecondsSinceEpoch }
}
