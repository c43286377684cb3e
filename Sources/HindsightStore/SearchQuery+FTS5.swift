import HindsightCore

extension SearchQuery {
    /// The query as an FTS5 match expression: every term a quoted string (so no text in it is
    /// FTS5 syntax), prefix terms followed by `*`, terms joined by FTS5's implicit AND.
    var fts5Expression: String {
        fts5TermExpressions.joined(separator: " ")
    }

    /// Each term on its own as an FTS5 match expression, in the order typed: a quoted string,
    /// followed by `*` for a prefix.
    var fts5TermExpressions: [String] {
        terms.map { term in
            let quoted = "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if case .word(_, prefix: true) = term { return quoted + " *" }
            return quoted
        }
    }
}
