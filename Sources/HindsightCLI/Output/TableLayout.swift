/// The aligned table form of a listing, split so that its rows need not all be held: the column
/// widths come from a first pass over the rows, then each row is written on its own. A whole
/// history's table held as cells, then as one text, was hundreds of megabytes.
struct TableLayout {
    let columns: [Listing.Column]
    /// Each column's width in characters: its widest cell or its heading.
    private(set) var widths: [Int]

    /// Measures `rows`, each a cell per column; the rows are not kept.
    init<Rows: Sequence>(columns: [Listing.Column], rows: Rows) where Rows.Element == [String] {
        self.columns = columns
        widths = columns.map(\.title.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.cell(cell, in: columns[index]).width) }
        }
    }

    /// Writes the heading and the rule under it.
    func writeHeading<Output: TextOutputStream>(to output: inout Output) {
        write(columns.map { ($0.title, $0.title.count) }, to: &output)
        output.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
    }

    /// Writes one row of cells, one per column, as one line.
    func writeRow<Output: TextOutputStream>(_ row: [String], to output: inout Output) {
        write(row.enumerated().map { index, cell in Self.cell(cell, in: columns[index]) }, to: &output)
    }

    /// A cell as printed, control characters neutralised and shortened with `…` beyond the
    /// column's maximum width, with its width in characters, counted once: counting is a walk
    /// over the text.
    private static func cell(_ text: String, in column: Listing.Column) -> (text: String, width: Int) {
        let safe = TerminalText.neutralised(text)
        let width = safe.count
        guard let limit = column.maxWidth, width > limit else { return (safe, width) }
        return (String(safe.prefix(limit - 1)) + "…", limit)
    }

    /// Cells separated by two spaces and padded to their column's width; the last cell of a
    /// line is not padded when left-aligned, so lines carry no trailing blanks.
    private func write<Output: TextOutputStream>(_ values: [(text: String, width: Int)], to output: inout Output) {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line += "  " }
            let padding = String(repeating: " ", count: widths[index] - value.width)
            if columns[index].alignRight {
                line += padding + value.text
            } else {
                line += value.text
                if index < values.count - 1 { line += padding }
            }
        }
        output.write(line + "\n")
    }
}
