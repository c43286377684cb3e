import HindsightCore

/// A listing as CSV made from its JSON records, so that a spreadsheet or a script gets the
/// values the JSON has (seconds, RFC 3339 instants, whole dates, `true`/`false`) under the JSON's
/// field names, not the table's display text (`2h 50m`, `2967d`, `2018-10-10*`).
///
/// One row per record and one column per field. A null or absent field is an empty cell; a list of plain values is one cell with the values joined by `;`; a list or
/// mapping that holds records is one cell of compact JSON. Rows end in CRLF (RFC 4180).
enum RecordCSV {
    /// The CSV of `records`, a sequence of mappings, with `fields` as the header (so that it is
    /// the same with or without records, and with or without a field some records leave out),
    /// followed by any other key the records have, in the order first met.
    static func csv(_ records: StructuredValue, fields: [String]) -> String {
        var columns = fields
        var known = Set(fields)
        var rows: [[String: String]] = []
        if case .sequence(let items) = records {
            rows.reserveCapacity(items.count)
            for item in items {
                guard case .mapping(let entries) = item else { continue }
                var row: [String: String] = [:]
                for entry in entries {
                    if known.insert(entry.key).inserted { columns.append(entry.key) }
                    row[entry.key] = cell(entry.value)
                }
                rows.append(row)
            }
        }
        var output = columns.map(Listing.csvField).joined(separator: ",") + "\r\n"
        for row in rows {
            output += columns.map { Listing.csvField(row[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return output
    }

    private static func cell(_ value: StructuredValue) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let integer): return String(integer)
        case .number(let number): return number.isFinite ? JSONWriter.formatNumber(number) : ""
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .sequence(let items):
            guard items.allSatisfy(\.isPlain) else { return JSONWriter.line(value) }
            return items.map(cell).joined(separator: ";")
        case .mapping: return JSONWriter.line(value)
        }
    }
}

private extension StructuredValue {
    /// A value that is neither a list nor a mapping.
    var isPlain: Bool {
        switch self {
        case .sequence, .mapping: return false
        default: return true
        }
    }
}
