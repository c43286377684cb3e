/// A piece of stored text with the parts that matched a search marked, kept apart from the text
/// itself so that no character of the text can be mistaken for a mark.
public struct MarkedText: Hashable, Sendable {
    /// One run of text, matched or not.
    public struct Part: Hashable, Sendable {
        /// The text of the run.
        public let text: String
        /// Whether the run matched the query.
        public let isMatch: Bool

        /// Creates a run.
        public init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// The runs, in order; adjacent runs differ in ``Part/isMatch``.
    public let parts: [Part]

    /// Creates marked text from runs, merging neighbours of the same kind and dropping empty ones.
    public init(_ parts: [Part]) {
        var merged: [Part] = []
        for part in parts where !part.text.isEmpty {
            if let last = merged.last, last.isMatch == part.isMatch {
                merged[merged.count - 1] = Part(last.text + part.text, isMatch: part.isMatch)
            } else {
                merged.append(part)
            }
        }
        self.parts = merged
    }

    /// The text without marks.
    public var plain: String { parts.map(\.text).joined() }

    /// The matched runs, in order.
    public var matches: [String] { parts.filter(\.isMatch).map(\.text) }

    /// Whether any run matched.
    public var hasMatch: Bool { parts.contains(where: \.isMatch) }

    /// The text with each matched run between `open` and `close`, every run first passed
    /// through `escape` (so that a renderer can neutralise or escape the text, not the marks).
    public func marked(open: String, close: String, escape: (String) -> String = { $0 }) -> String {
        parts.map { $0.isMatch ? open + escape($0.text) + close : escape($0.text) }.joined()
    }
}
