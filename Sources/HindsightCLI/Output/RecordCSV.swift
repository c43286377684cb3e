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
        guard case .sequence(let items) = records else { return header(columns(of: [], fields: fields)) }
        let columns = columns(of: items, fields: fields)
        return items.reduce(into: header(columns)) { output, item in output += row(item, columns: columns) ?? "" }
    }

    /// The header's columns: `fields`, then any other key of the mappings among `records`, in
    /// the order first met. Only keys are kept, so that a long listing can find its header in a
    /// first pass over records made one at a time, and write its rows in a second.
    static func columns<Records: Sequence>(of records: Records, fields: [String]) -> [String] where Records.Element == StructuredValue {
        var columns = fields
        var known = Set(fields)
        for record in records {
            guard case .mapping(let entries) = record else { continue }
            for entry in entries where known.insert(entry.key).inserted { columns.append(entry.key) }
        }
        return columns
    }

    /// The header line.
    static func header(_ columns: [String]) -> String {
        columns.map(Listing.csvField).joined(separator: ",") + "\r\n"
    }

    /// The line of `record` under `columns`, a cell per column (empty for a key the record does
    /// not have); nil for a record that is not a mapping, which has no row.
    static func row(_ record: StructuredValue, columns: [String]) -> String? {
        guard case .mapping(let entries) = record else { return nil }
        var cells: [String: String] = [:]
        for entry in entries { cells[entry.key] = cell(entry.value) }
        return columns.map { Listing.csvField(cells[$0] ?? "") }.joined(separator: ",") + "\r\n"
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
