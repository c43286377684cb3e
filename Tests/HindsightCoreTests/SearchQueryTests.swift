import PropertyBased
import Testing
@testable import HindsightCore

/// The search query language: what is a term, what is refused and with which message.
struct SearchQueryTests {
    func terms(_ text: String) throws -> [SearchTerm] { try SearchQuery(parsing: text).terms }

    func refusal(_ text: String) -> String? {
        do {
            _ = try SearchQuery(parsing: text)
            return nil
        } catch let error as ValueParseError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func wordsPhrasesAndPrefixes() throws {
        #expect(try terms("cache  deploy") == [.word("cache", prefix: false), .word("deploy", prefix: false)])
        #expect(try terms("\"health check\" cach*") == [.phrase("health check"), .word("cach", prefix: true)])
        #expect(try terms("health-check*") == [.word("health-check", prefix: true)])
        #expect(try terms("e\u{301}*") == [.word("e\u{301}", prefix: true)])
        #expect(try terms("jednorožec") == [.word("jednorožec", prefix: false)])
    }

    /// A term typed again asks nothing more of a record, and the index's ranking works through
    /// every term for every occurrence: 17 000 copies of one word took minutes. The first of equal
    /// terms is kept, in the order typed; terms that differ in kind (a word, a prefix, a phrase) stay apart.
    @Test func aRepeatedTermIsKeptOnce() throws {
        #expect(try terms("cache deploy cache \"a b\" cach* \"a b\" cach* cache") == [
            .word("cache", prefix: false), .word("deploy", prefix: false), .phrase("a b"), .word("cach", prefix: true)])
        #expect(try terms(String(repeating: "cache ", count: 17_000)) == [.word("cache", prefix: false)])
    }

    /// Punctuation after a prefix's `*` separates, as it does after any word: the `*` still ends
    /// the word. A letter or digit after the `*`, or a second `*`, is still refused.
    @Test func punctuationAfterAPrefixSeparates() throws {
        #expect(try terms("cach*,") == [.word("cach", prefix: true)])
        #expect(try terms("(cach*). deploy") == [.word("(cach", prefix: true), .word("deploy", prefix: false)])
        #expect(try terms("health-check*;") == [.word("health-check", prefix: true)])
        #expect(refusal("cach*,x") == "'cach*,x': '*' may only end a word, to match the words it begins, e.g. cach*")
        #expect(refusal("cach**,") == "'cach**,': one '*' ends a word, to match the words it begins, e.g. cach*")
        #expect(refusal("cach-*,") == "'cach-*,': '*' must follow a letter or digit, e.g. cach*")
        #expect(refusal("*,") == "'*,': '*' must follow a letter or digit, e.g. cach*")
    }

    @Test func operatorsAndColumnFiltersAreText() throws {
        #expect(try terms("cache AND deploy OR NOT x") == ["cache", "AND", "deploy", "OR", "NOT", "x"].map { .word($0, prefix: false) })
        #expect(try terms("title:json") == [.word("title:json", prefix: false)])
        #expect(try terms("NEAR(a b)") == [.word("NEAR(a", prefix: false), .word("b)", prefix: false)])
        // Punctuation standing alone separates words and is not searched for.
        #expect(try terms("cache ( ^ - )") == [.word("cache", prefix: false)])
    }

    @Test func refusalsSayWhatIsWrongAndWhatWouldDo() {
        #expect(refusal("")?.hasPrefix("the query is empty") == true)
        #expect(refusal(" \t\n")?.hasPrefix("the query is empty") == true)
        #expect(refusal("\"open phrase")?.hasPrefix("the double quote at character 1 is not closed") == true)
        #expect(refusal("cache \"open")?.hasPrefix("the double quote at character 7 is not closed") == true)
        #expect(refusal("*")?.contains("'*' must follow a letter or digit") == true)
        #expect(refusal("a*b")?.contains("'*' may only end a word") == true)
        #expect(refusal("*cache")?.contains("'*' may only end a word") == true)
        // A second `*` does not end a word: the one before it is inside.
        #expect(refusal("cach**") == "'cach**': one '*' ends a word, to match the words it begins, e.g. cach*")
        #expect(refusal("x***") == "'x***': one '*' ends a word, to match the words it begins, e.g. cach*")
        #expect(refusal("**") == "'**': '*' must follow a letter or digit, e.g. cach*")
        // After punctuation a `*` ends no word.
        #expect(refusal("cach-*") == "'cach-*': '*' must follow a letter or digit, e.g. cach*")
        #expect(refusal("-*") == "'-*': '*' must follow a letter or digit, e.g. cach*")
        #expect(refusal("( ^ )")?.hasPrefix("the query has no letter or digit") == true)
        #expect(refusal("\"\"")?.hasPrefix("the query has no letter or digit") == true)
    }

    private static let pieces = ["\"", "*", "AND", "(", ")", ":", "^", " ", "a", "ł", "e\u{301}", "\u{0}", "\u{1B}", "-"]

    /// Any text at all: the parser either refuses it with a message or gives terms that each
    /// hold a letter or digit and no double quote.
    @Test func anyTextIsReadOrRefused() async {
        await propertyCheck(input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12).map { $0.map { Self.pieces[$0] }.joined() }) { text in
            do {
                let query = try SearchQuery(parsing: text)
                #expect(!query.terms.isEmpty)
                for term in query.terms {
                    #expect(!term.text.contains("\""))
                    #expect(term.text.unicodeScalars.contains { $0.properties.isAlphabetic })
                }
            } catch is ValueParseError {
            } catch {
                Issue.record("unexpected error for \(text.debugDescription): \(error)")
            }
        }
    }
}
