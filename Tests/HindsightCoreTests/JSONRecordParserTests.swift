import Testing
import Yams
@testable import HindsightCore

/// The JSON record reader against Yams: whatever it accepts it must read exactly as Yams does,
/// positions included, and whatever Yams refuses it must leave to Yams, but for the surrogate pair
/// escapes of JSON, which it reads as the character they stand for.
struct JSONRecordParserTests {
    /// The node as text with every position, so that two trees compare as strings.
    static func render(_ node: InterchangeNode) -> String {
        func at(_ position: TextPosition?) -> String { position.map { "@\($0.line):\($0.column)" } ?? "@-" }
        switch node {
        case .scalar(let scalar):
            return "\(scalar.isPlain ? "plain" : "quoted")(\(scalar.string.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ".")))\(at(scalar.position))"
        case .mapping(let pairs, let position):
            return "{\(at(position)) " + pairs.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .sequence(let items, let position):
            return "[\(at(position)) " + items.map(render).joined(separator: ", ") + "]"
        case .alias(let position):
            return "*\(at(position))"
        }
    }

    /// What Yams makes of `text` placed at `column`, the way the stream decoder places a record;
    /// nil when Yams refuses it.
    static func yams(_ text: String, column: Int) -> String? {
        do {
            let parser = try Parser(yaml: String(repeating: " ", count: column - 1) + text)
            guard let root = try parser.nextRoot(), try parser.nextRoot() == nil else { return nil }
            return render(InterchangeNode(root))
        } catch {
            return nil
        }
    }

    static func fast(_ text: String, column: Int) -> String? {
        JSONRecordParser.parse(Array(text.utf8), startColumn: column).map(render)
    }

    /// Checks the reader against Yams on `text`; returns whether the reader accepted it.
    @discardableResult
    static func agree(_ text: String, column: Int = 5, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let expected = yams(text, column: column)
        guard let actual = fast(text, column: column) else { return false }
        #expect(actual == expected, "for \(text.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test func readsAPrettyPrintedRecordExactlyAsYamsDoes() {
        let record = """
            {
                  "id": "2024-03-01-cache",
                  "title": "Cache stampede after a deploy",
                  "severity": "sev2",
                  "near_miss": false,
                  "started_at": "2024-03-01T10:00:00Z",
                  "impacts": [
                    {
                      "service": "checkout-api",
                      "fraction": 0.25,
                      "note": null
                    }
                  ],
                  "tags": [],
                  "factors": [{}],
                  "count": -12,
                  "ratio": 1.5e+3
                }
            """
        #expect(Self.agree(record, column: 5))
        #expect(Self.agree(record, column: 1))
    }

    @Test func countsColumnsInUnicodeScalarsAndReadsTheEscapesYAMLShares() {
        #expect(Self.agree(#"{"a": "é😀 ü", "b": "x", "c": ["ñ", 1]}"#))
        #expect(Self.agree(#"{"text": "line\nnext\t\"quoted\" back\\slash \/ \u00e9\u0041 \b\f\r"}"#))
        #expect(Self.agree("{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}"))
        #expect(Self.agree("{\t\"a\":\t1 }"))
        #expect(Self.agree(#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#) || Self.yams(#"{"a":1}"#, column: 1) == nil)
    }

    @Test func leavesToYamsWhatYAMLReadsOtherwiseOrRefuses() {
        let refused = [
            #"{"a": 1, "a": 2}"#,                               // duplicate key
            #"{"a": "\ud83d"}"#, #"{"a": "\ude00"}"#,             // half a surrogate pair
            #"{"a": "\ud83d\u0041"}"#, #"{"a": "\ud83dx"}"#, #"{"a": "\ud83d\ud83d"}"#, #"{"a": "\ud83d\"}"#,
            #"{"a": "\x41"}"#,                                  // not a JSON escape
            "{\"a\": \"tab\tinside\"}",                         // raw control character
            "{\"a\": \"\u{85}\"}",                              // NEL, a line break to YAML
            "{\"a\": \"\u{2028}\"}",                            // line separator
            "{\"a\": \"\u{FEFF}\"}",                            // byte order mark
            "{\"a\": 1,\r\"b\": 2}",                            // lone carriage return
            "{\"" + String(repeating: "k", count: 1_100) + "\": 1}",  // too long for a YAML key
            #"{"a": 01}"#, #"{"a": .5}"#, #"{"a": 1.}"#, #"{"a": tru}"#, #"{"a": yes}"#,
            #"{"a": 1,}"#, #"{a: 1}"#, #"{"a" 1}"#, #"[1 2]"#, #"{"a": 1} x"#, "{\"a\": \"open",
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ]
        for text in refused {
            #expect(Self.fast(text, column: 3) == nil, "\(text.debugDescription) is left to Yams")
        }
    }

    /// JSON writes a character beyond U+FFFF as a surrogate pair escape (RFC 8259, section 7),
    /// which YAML refuses; it is read as the character, as YAML reads its own `\U` escape of it.
    @Test func readsASurrogatePairAsTheCharacterItStandsFor() throws {
        // One text a line, so that the escapes' lengths move no position.
        func record(_ first: String, _ second: String) -> String { "{\"a\": [\n  \"\(first)\",\n  \"\(second)\"\n]}" }
        let pair = try #require(Self.fast(record(#"\ud83d\ude00"#, #"x \uD83D\uDE00\ud83c\udde8\ud83c\uddff y"#), column: 3))
        #expect(pair == Self.fast(record("😀", "x 😀🇨🇿 y"), column: 3))
        #expect(pair == Self.yams(record(#"\U0001F600"#, #"x \U0001F600\U0001F1E8\U0001F1FF y"#), column: 3))
    }

    /// Random JSON values, written compactly or spread over lines, with text drawn from ASCII,
    /// accented letters, emoji, quotes and escapes.
    @Test func agreesWithYamsOnRandomRecords() {
        let pieces = ["a", "Z", " ", "é", "😀", "\\\"", "\\\\", "\\n", "\\u00fc", "\\/", ":", ",", "#", "{", "]", "-", "'",
                      "null", "1", "&x", "*y", "!t"]
        var accepted = 0
        for seed in 0..<400 {
            var random = SplitMix64(seed: UInt64(seed))
            let spread = random.chance(0.5)
            func blank(_ depth: Int) -> String {
                spread ? "\n" + String(repeating: " ", count: depth * 2) : (random.chance(0.3) ? " " : "")
            }
            func string() -> String {
                "\"" + (0..<random.int(in: 0...6)).map { _ in random.pick(pieces) }.joined() + "\""
            }
            func value(_ depth: Int) -> String {
                switch depth > 3 ? random.below(3) : random.below(5) {
                case 0: return string()
                case 1: return random.pick(["0", "-1", "12.5", "1e3", "-0.25E-2", "true", "false", "null"])
                case 2: return random.pick(["{}", "[]", "\"\""])
                case 3:
                    let keys = (0..<random.int(in: 1...4)).map { "\"k\($0)\(random.pick(["", "é", " x"]))\"" }
                    return "{" + keys.map { blank(depth + 1) + $0 + ":" + " " + value(depth + 1) }.joined(separator: ",")
                        + blank(depth) + "}"
                default:
                    return "[" + (0..<random.int(in: 1...4)).map { _ in blank(depth + 1) + value(depth + 1) }
                        .joined(separator: ",") + blank(depth) + "]"
                }
            }
            let text = "{" + blank(1) + "\"record\": " + value(1) + blank(0) + "}"
            if Self.agree(text, column: random.int(in: 1...9)) { accepted += 1 }
        }
        #expect(accepted > 300, "most JSON records are read without Yams (\(accepted) of 400)")
    }
}
