/// A document of headings, paragraphs and listings, printable for a terminal, as Markdown or as
/// a standalone HTML page; reports are built once as this and rendered in any of the three.
struct ReportDocument {
    /// One block of a document.
    enum Block {
        /// A heading; level 1 is the title.
        case heading(Int, String)
        /// A paragraph; `alert` ones are made hard to miss (a breach, say).
        case paragraph(String, alert: Bool = false)
        /// Rows under columns.
        case listing(Listing)
    }

    var blocks: [Block] = []

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    mutating func paragraph(_ text: String, alert: Bool = false) { blocks.append(.paragraph(text, alert: alert)) }
    mutating func listing(_ listing: Listing) { blocks.append(.listing(listing)) }

    /// For a terminal: underlined headings, alerts in capitals after `!!`, aligned tables.
    func text() -> String {
        var output = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                let safe = TerminalText.neutralised(text)
                if !output.isEmpty { output += "\n" }
                output += safe + "\n" + String(repeating: level == 1 ? "═" : "─", count: min(safe.count, 100)) + "\n"
            case .paragraph(let text, let alert):
                output += (alert ? "!! " : "") + TerminalText.neutralised(text) + "\n"
            case .listing(let listing):
                output += listing.table()
            }
        }
        return output
    }

    /// GitHub-flavoured Markdown, to paste into a review document.
    func markdown() -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: level + 1) + " " + Listing.markdownInline(text))
            case .paragraph(let text, let alert):
                parts.append(alert ? "**" + Listing.markdownInline(text) + "**" : Listing.markdownInline(text))
            case .listing(let listing):
                parts.append(listing.markdown().trimmingSuffix("\n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// A standalone HTML page; every piece of text is escaped.
    func html(title: String) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                body += "<h\(level)>\(HTMLText.escaped(text))</h\(level)>\n"
            case .paragraph(let text, let alert):
                body += alert ? "<p class=\"alert\"><strong>\(HTMLText.escaped(text))</strong></p>\n"
                              : "<p>\(HTMLText.escaped(text))</p>\n"
            case .listing(let listing):
                body += listing.html()
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escaped(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; }
            table { border-collapse: collapse; margin-bottom: 1.5em; }
            th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
            td.number { text-align: right; }
            .alert { color: #a00000; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
