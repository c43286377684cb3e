import Testing
@testable import HindsightCore

/// Text that YAML readers would mistake for another type, or that needs escaping, survives being
/// written as YAML or JSON and read back, byte for byte.
struct WriterRoundTripTests {
    static let awkwardTexts = [
        "null", "~", "2016", "yes", "true", "0.5", "2019-10-30", "- dash", ": colon", "# hash", "'quote'", "\"double\"",
        "multi\nline", "trailing newlines\n\n", "windows\r\nline", "  leading spaces", "tab\there",
        "\u{1b}[31mred\u{1b}[0m", "bidi \u{202E}txet", "jednorožec 😀 piękna", "e\u{301} combining", "@at", "=SUM(A1)",
        // Characters a YAML reader refuses raw, even inside JSON: C1 controls, DEL, noncharacters.
        "c1 \u{9B}31m control", "next line \u{85}", "del \u{7F}", "nonchar \u{FFFE}\u{FFFF}",
        // Characters a YAML reader takes for line breaks and folds, even inside JSON.
        "one \u{2028} two", "para\u{2029}graph", "nel \u{85} two", "\u{2028}", "\u{2029}\u{85}\u{2028}",
    ]

    @Test(arguments: awkwardTexts)
    func yamlRoundTrip(text: String) throws {
        let service = Service(id: "s", name: text, description: text)
        let document = InterchangeEncoder.document(services: [service], slas: [], maintenance: [], incidents: [])
        let yaml = try YAMLWriter.string(document)
        let decoded = try InterchangeDecoder.decode(Array(yaml.utf8), file: "out.yaml")
        #expect(decoded.services.first?.value == service)
    }

    @Test(arguments: awkwardTexts)
    func jsonRoundTrip(text: String) throws {
        let service = Service(id: "s", name: text, description: text)
        let document = InterchangeEncoder.document(services: [service], slas: [], maintenance: [], incidents: [])
        let decoded = try InterchangeDecoder.decode(Array(JSONWriter.string(document).utf8), file: "out.json")
        #expect(decoded.services.first?.value == service)
    }

    @Test func jsonNumbersAreWrittenWithoutNeedlessFractions() {
        #expect(JSONWriter.formatNumber(3600) == "3600")
        #expect(JSONWriter.formatNumber(7948.8) == "7948.8")
        #expect(JSONWriter.formatNumber(99.997) == "99.997")
        #expect(JSONWriter.string(.mapping([.init("a", .text("x\"y\n"))])) == "{\n  \"a\": \"x\\\"y\\n\"\n}\n")
    }

    @Test func jsonEscapesOnlyQuotesBackslashesAndControlCharacters() {
        // Written out by hand: quote and backslash escaped, tab/CR/LF by letter, U+0001 and DEL as
        // \u with four lower-case hex digits, and non-ASCII (é, the combining accent, 😀) as is.
        let text = "a\"b\\c\td\re\nf\u{1}g\u{7F}h é e\u{301} 😀"
        #expect(JSONWriter.string(.text(text)) == "\"a\\\"b\\\\c\\td\\re\\nf\\u0001g\\u007fh é e\u{301} 😀\"\n")
        #expect(JSONWriter.string(.text("")) == "\"\"\n")
        #expect(JSONWriter.string(.text("\"")) == "\"\\\"\"\n")
    }

    @Test func jsonEscapesWhatYAMLReadsAsALineBreak() {
        #expect(JSONWriter.string(.text("one \u{2028} two\u{2029}three\u{85}four \u{2027}\u{202A}"))
                == "\"one \\u2028 two\\u2029three\\u0085four \u{2027}\u{202A}\"\n")
    }

    @Test func firstDifferenceNamesThePath() {
        let a = InterchangeEncoder.encode(Incident(id: "i", title: "t", startedAt: Instant(millisecondsSinceEpoch: 0),
                                                   impacts: [Impact(serviceID: "s", start: Instant(millisecondsSinceEpoch: 0), end: nil, fraction: 0.5)]))
        let b = InterchangeEncoder.encode(Incident(id: "i", title: "t", startedAt: Instant(millisecondsSinceEpoch: 0),
                                                   impacts: [Impact(serviceID: "s", start: Instant(millisecondsSinceEpoch: 0), end: nil, fraction: 0.8)]))
        #expect(a.firstDifference(from: b) == "impacts[0].fraction")
        #expect(a.firstDifference(from: a) == nil)
    }
}

/// A document written record by record is the same text as one written whole.
struct StreamWriterTests {
    @Test func streamingWritesTheBytesOfTheWholeDocument() {
        let start = Instant(millisecondsSinceEpoch: 1_700_000_000_000)
        let services = [Service(id: "a", name: "A", tier: 1), Service(id: "b", name: "B \"quoted\"\nline")]
        let incidents = [
            Incident(id: "i1", title: "One", startedAt: start, resolvedAt: start.adding(seconds: 60),
                     impacts: [Impact(serviceID: "a", start: start, end: start.adding(seconds: 60), fraction: 0.25)]),
            Incident(id: "i2", title: "Two", startedAt: start, tags: ["x", "y"]),
        ]
        for (someServices, someIncidents) in [(services, incidents), ([], incidents), (services, []), ([], [])] {
            var streamed = ""
            InterchangeStreamWriter.write(services: someServices, slas: [], maintenance: [], incidents: someIncidents,
                                          to: &streamed)
            let whole = JSONWriter.string(InterchangeEncoder.document(services: someServices, slas: [], maintenance: [],
                                                                      incidents: someIncidents))
            #expect(streamed == whole)
        }
    }
}
