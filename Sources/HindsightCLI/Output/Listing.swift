/// Rows of text under named columns, printable as an aligned table, CSV or Markdown.
struct Listing {
    /// A column heading and how its cells line up.
    struct Column {
        var title: String
        var alignRight = false
        /// Cells longer than this are shortened with `…` in the table form only.
        var maxWidth: Int?

        init(_ title: String, alignRight: Bool = false, maxWidth: Int? = nil) {
            self.title = title
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    var columns: [Column]
    var rows: [[String]]

    /// Aligned columns separated by two spaces, a rule under the heading; control characters in
    /// cells are neutralised.
    func table() -> String {
        let cells = rows.map { row in
            row.enumerated().map { index, cell -> String in
                let safe = TerminalText.neutralised(cell)
                guard let limit = columns[index].maxWidth, safe.count > limit else { return safe }
                return String(safe.prefix(limit - 1)) + "…"
            }
        }
        var widths = columns.map(\.title.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                let padding = String(repeating: " ", count: widths[index] - value.count)
                if index == values.count - 1 && !columns[index].alignRight { return value }
                return columns[index].alignRight ? padding + value : value + padding
            }.joined(separator: "  ")
        }
        var output = line(columns.map(\.title)) + "\n"
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }

    /// RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, unless it is a plain number.
    func csv() -> String {
        func field(_ value: String) -> String {
            var cell = value
            if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(cell) == nil {
                cell = "'" + cell
            }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
        }
        return ([columns.map(\.title)] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped.
    func markdown() -> String {
        let cell = Listing.markdownInline
        var output = "| " + columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
        output += "|" + columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { output += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return output
    }

    /// Text made safe inside a Markdown table cell or line: backslashes, pipes and line breaks
    /// escaped, control characters neutralised.
    static func markdownInline(_ value: String) -> String {
        TerminalText.neutralised(value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>"))
    }

    /// An HTML table; every cell escaped, right-aligned columns marked `number`.
    func html() -> String {
        var output = "<table>\n<thead><tr>" + columns.map { "<th>\(HTMLText.escaped($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            output += "<tr>" + row.enumerated().map { index, value in
                columns[index].alignRight ? "<td class=\"number\">\(HTMLText.escaped(value))</td>" : "<td>\(HTMLText.escaped(value))</td>"
            }.joined() + "</tr>\n"
        }
        return output + "</tbody>\n</table>\n"
    }
}
