/// What a person typed into `hindsight search`, read by a small query language that has no
/// operators, so nothing typed can be taken as syntax by the index:
///
/// * words separated by spaces must all occur in the same record (an incident's title and
///   summary, or one factor, action or timeline entry), case and diacritics aside;
/// * `"double quotes"` make a phrase whose words must occur together, in order;
/// * a word or phrase typed twice counts once;
/// * a `*` at the end of a word (outside quotes) matches any word it begins, e.g. `cach*`;
///   punctuation after it separates as anywhere (`cach*,`);
/// * everything else (`AND`, `OR`, `NOT`, `col:`, `(`, `^`, `-`, `+`) is text: punctuation
///   separates words as it does in the indexed text, and the words are searched as words.
///
/// Refused with a message: a query with no letter or digit, an unclosed double quote, and a `*`
/// anywhere but at the end of a word: not twice (`cach**`), not first (`*x`, `*`), not after
/// punctuation (`cach-*`), not inside (`ca*che`).
public struct SearchQuery: Hashable, Sendable {
    /// The terms, in the order typed; a term typed again (the same word, or the same phrase) is
    /// kept once.
    public let terms: [SearchTerm]

    /// Reads `text` by the rules above.
    /// - Throws: ``ValueParseError`` saying what is wrong and what would be accepted.
    public init(parsing text: String) throws {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ValueParseError("the query is empty; give one or more words to search for, e.g. cache or \"health check\"")
        }
        var terms: [SearchTerm] = []
        var word = ""
        var inPhrase = false
        var phraseStart = 0
        var position = 0

        func finishWord() throws {
            defer { word = "" }
            guard !word.isEmpty else { return }
            var body = Substring(word)
            // Punctuation after the last `*` (`cach*,`, `cach*).`) separates, as it does anywhere:
            // the `*` still ends its word. A letter or digit after it would not be a new word.
            if let star = body.lastIndex(of: "*"), !Self.isSearchable(body[body.index(after: star)...]) {
                body = body[...star]
            }
            var stars = 0
            while body.hasSuffix("*") {
                body = body.dropLast()
                stars += 1
            }
            if body.contains("*") {
                throw ValueParseError("\(QuotedValue.quote(word)): '*' may only end a word, to match the words it begins, e.g. cach*")
            }
            // A `*` ends a word: it follows a letter or digit, not punctuation (which would
            // separate it from the word before, as in `cach-*`), and only one does.
            if stars > 0, !(body.last.map { Self.isSearchable(Substring(String($0))) } ?? false) {
                throw ValueParseError("\(QuotedValue.quote(word)): '*' must follow a letter or digit, e.g. cach*")
            }
            if stars > 1 {
                throw ValueParseError("\(QuotedValue.quote(word)): one '*' ends a word, to match the words it begins, e.g. cach*")
            }
            let prefix = stars == 1
            guard Self.isSearchable(body) else {
                return  // punctuation on its own separates words and is not searched for
            }
            terms.append(.word(String(body), prefix: prefix))
        }

        for character in text {
            position += 1
            if inPhrase {
                if character == "\"" {
                    inPhrase = false
                    if Self.isSearchable(Substring(word)) { terms.append(.phrase(word)) }
                    word = ""
                } else {
                    word.append(character)
                }
            } else if character == "\"" {
                try finishWord()
                inPhrase = true
                phraseStart = position
            } else if character.isWhitespace {
                try finishWord()
            } else {
                word.append(character)
            }
        }
        if inPhrase {
            throw ValueParseError("the double quote at character \(phraseStart) is not closed; close the phrase (\"health check\") or leave the quote out")
        }
        try finishWord()
        guard !terms.isEmpty else {
            throw ValueParseError("the query has no letter or digit to search for; give one or more words, e.g. cache or \"health check\"")
        }
        // A term typed twice asks nothing more of a record, but the index's ranking works through
        // every pair of term and occurrence: a query that repeats one word thousands of times
        // took minutes. Only the first of equal terms is kept.
        var seen: Set<SearchTerm> = []
        self.terms = terms.filter { seen.insert($0).inserted }
    }

    /// Whether `text` holds something the index keeps as part of a word: a letter or a digit.
    private static func isSearchable(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}
