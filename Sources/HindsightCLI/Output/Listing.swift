/// Rows of text under named columns, printable as an aligned table, CSV or Markdown.
struct Listing {
    /// A column heading and how its cells line up.
    struct Column {
        var title: String
        var alignRight = false
        /// Cells longer than this are shortened with `…` in the table form only. Columns of ids and
        /// cause paths have none: the reader types them into the next command, and two ids cut to the
        /// same prefix could not be told apart.
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
    /// cells are neutralised (see ``TableLayout``).
    func table() -> String {
        let layout = TableLayout(columns: columns, rows: rows)
        var output = ""
        layout.writeHeading(to: &output)
        for row in rows { layout.writeRow(row, to: &output) }
        return output
    }

    /// RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, unless it is a plain number.
    func csv() -> String {
        ([columns.map(\.title)] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV cell: quoted when it holds a comma, quote or line break, and prefixed with `'`
    /// when it starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) without being a number.
    static func csvField(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(cell) == nil {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped.
    func markdown() -> String {
        rows.reduce(into: Self.markdownHeading(columns)) { output, row in output += Self.markdownRow(row) }
    }

    /// The heading line of a Markdown table and the line under it that aligns its columns.
    static func markdownHeading(_ columns: [Column]) -> String {
        "| " + columns.map { markdownInline($0.title) }.joined(separator: " | ") + " |\n"
            + "|" + columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined() + "\n"
    }

    /// One line of a Markdown table.
    static func markdownRow(_ row: [String]) -> String {
        "| " + row.map(markdownInline).joined(separator: " | ") + " |\n"
    }

    /// Text made safe inside a Markdown table cell, heading, list item or line: backslashes,
    /// pipes and square brackets escaped (so that no link or image can hide text, whether the
    /// brackets are stored or are the marks of `search`), `&`, `<` and `>` written as `&amp;`,
    /// `&lt;` and `&gt;` (so that a renderer shows them rather than reading HTML), line breaks
    /// written `<br>` (so that the text stays one cell, heading or item and its breaks still show),
    /// control characters neutralised.
    static func markdownInline(_ value: String) -> String {
        // Printable ASCII without any of `\ | [ ] & < >` needs nothing done (line breaks are not printable).
        if value.utf8.allSatisfy(isPlainInMarkdown) {
            return value
        }
        return TerminalText.neutralised(markdownEscaped(value)
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>"))
    }

    /// Text made safe as Markdown paragraphs: escaped as ``markdownInline(_:)`` does, but with its
    /// line breaks kept, so that a blank line still separates two paragraphs.
    static func markdownParagraph(_ value: String) -> String {
        TerminalText.neutralised(markdownEscaped(value), keepNewlines: true)
    }

    /// Whether `byte` is printable ASCII that neither Markdown nor the HTML inside it reads as
    /// syntax; `\`, `|`, `[`, `]`, `&`, `<` and `>` are.
    private static func isPlainInMarkdown(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x7C, 0x5B, 0x5D, 0x26, 0x3C, 0x3E: return false
        default: return byte >= 0x20 && byte < 0x7F
        }
    }

    /// `value` with a backslash before each backslash, pipe and square bracket and `&`, `<`, `>`
    /// as character references; an entity already in the text is escaped again, so that it reads
    /// as typed.
    private static func markdownEscaped(_ value: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "|": escaped += "\\|"
            case "[": escaped += "\\["
            case "]": escaped += "\\]"
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
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
