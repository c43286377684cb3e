import PropertyBased
import Testing
import Yams
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

    /// Text that skips the YAML resolver is text to it: the shortcut never leaves unquoted a text
    /// that a reader would take for a number, a boolean, null or a date. The pieces are the
    /// resolver's own words and characters, so most texts made of them are close calls.
    @Test func textThatSkipsTheResolverIsTextToIt() async {
        let pieces = ["0", "1", "9", "_", ":", ".", "-", "+", "e", "E", "x", "b", "o", "0x", "0o", "0b", "inf", ".inf",
                      ".NaN", "nan", "yes", "No", "ON", "off", "True", "FALSE", "null", "Null", "~", "<<", "=", "T", "t",
                      "Z", " ", "\t", "2019-10-30", "17:00:00", "\u{85}", "\u{2028}", "\u{0B}", "a", "g", "é", "Q"]
        await propertyCheck(input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...6).map { $0.map { pieces[$0] }.joined() }) { text in
            if !YAMLWriter.mayReadAsOtherThanText(text) {
                #expect(Resolver.default.resolveTag(of: Node(text)) == .str, "\(text.debugDescription)")
            }
        }
        for text in Self.awkwardTexts + ["", "\u{2028}", "12:30", "0x1F", "1_000", ".5", "-.inf", "2019-10-30 17:00:00"]
        where Resolver.default.resolveTag(of: Node(text)) != .str {
            #expect(YAMLWriter.mayReadAsOtherThanText(text), "\(text.debugDescription)")
        }
        // And it is a shortcut: ids and titles, most of a document's text, skip the resolver.
        #expect(!YAMLWriter.mayReadAsOtherThanText("2016-10-12-falcon-logging-near-miss"))
        #expect(!YAMLWriter.mayReadAsOtherThanText("Cache keys collided"))
        #expect(!YAMLWriter.mayReadAsOtherThanText("null pointer"))
    }

    @Test(arguments: awkwardTexts)
    func jsonRoundTrip(text: String) throws {
        let service = Service(id: "s", name: text, description: text)
        let document = InterchangeEncoder.document(services: [service], slas: [], maintenance: [], incidents: [])
        let decoded = try InterchangeDecoder.decode(Array(JSONWriter.string(document).utf8), file: "out.json")
        #expect(decoded.services.first?.value == service)
    }

    /// An empty team, owner or ticket, which the importer refuses and an older import may have
    /// stored, is written as none, so that an export imports again; given, each is written as is.
    @Test func anEmptyTeamOwnerOrTicketIsWrittenAsNone() throws {
        let started = try Instant(parsing: "2024-05-01T10:00:00Z")
        let empty = InterchangeEncoder.document(
            services: [Service(id: "s", name: "S", team: "")], slas: [], maintenance: [],
            incidents: [Incident(id: "i", title: "I", startedAt: started,
                                 actions: [RemediationAction(id: "a", title: "A", kind: .prevent, owner: "", ticket: "")])])
        let emptyDecoded = try InterchangeDecoder.decode(Array(JSONWriter.string(empty).utf8), file: "out.json")
        #expect(emptyDecoded.services.first?.value.team == nil)
        #expect(emptyDecoded.incidents.first?.value.actions.first?.owner == nil)
        #expect(emptyDecoded.incidents.first?.value.actions.first?.ticket == nil)

        let named = InterchangeEncoder.document(
            services: [Service(id: "s", name: "S", team: " ")], slas: [], maintenance: [],
            incidents: [Incident(id: "i", title: "I", startedAt: started,
                                 actions: [RemediationAction(id: "a", title: "A", kind: .prevent, owner: "cms", ticket: "T-1")])])
        let namedDecoded = try InterchangeDecoder.decode(Array(YAMLWriter.string(named).utf8), file: "out.yaml")
        #expect(namedDecoded.services.first?.value.team == " ")
        #expect(namedDecoded.incidents.first?.value.actions.first?.owner == "cms")
        #expect(namedDecoded.incidents.first?.value.actions.first?.ticket == "T-1")
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
    @Test(arguments: [InterchangeStreamWriter.Format.yaml, .json])
    func writingRecordByRecordGivesTheBytesOfTheWholeDocument(format: InterchangeStreamWriter.Format) throws {
        let start = Instant(millisecondsSinceEpoch: 1_700_000_000_000)
        let services = WriterRoundTripTests.awkwardTexts.enumerated().map { index, text in
            Service(id: "s\(index)", name: text, description: text)
        }
        let sla = ServiceLevelAgreement(serviceID: "s0", allowance: .objective(percent: 99.9), window: .month, timeZone: "UTC")
        let window = MaintenanceWindow(serviceID: "s0", start: start, end: start.adding(seconds: 60), note: "yes")
        let incident = Incident(id: "2024-01-01-x", title: "null", startedAt: start, summary: "2019-10-30T17:00:00Z",
                                tags: ["true", "~", "0x1F"],
                                impacts: [Impact(serviceID: "s0", start: start, end: start.adding(seconds: 60), fraction: 0.25)])
        for (someServices, slas, windows, incidents) in [(services, [sla], [window], [incident]), ([], [], [], [incident]),
                                                          (services, [], [], []), ([], [sla], [], []), ([], [], [], []),
                                                          // A block keeping its final line breaks, last in the document.
                                                          ([Service(id: "z", name: "Z", description: "end\n\n")], [], [], [])] {
            var streamed = ""
            var writer = try InterchangeStreamWriter(format: format)
            try writer.begin(to: &streamed)
            for service in someServices { try writer.add(InterchangeEncoder.encode(service), in: .services, to: &streamed) }
            for sla in slas { try writer.add(InterchangeEncoder.encode(sla), in: .slas, to: &streamed) }
            for window in windows { try writer.add(InterchangeEncoder.encode(window), in: .maintenance, to: &streamed) }
            for incident in incidents { try writer.add(InterchangeEncoder.encode(incident), in: .incidents, to: &streamed) }
            try writer.finish(to: &streamed)
            let document = InterchangeEncoder.document(services: someServices, slas: slas, maintenance: windows, incidents: incidents)
            let whole = format == .yaml ? try Self.yamsText(document) : JSONWriter.string(document)
            #expect(streamed == whole)
            if format == .yaml { #expect(try YAMLWriter.string(document) == whole) }
        }
    }

    /// The YAML that Yams writes for `value` as a tree, each text quoted exactly where Yams's own
    /// resolver would read it as something else: what `YAMLWriter` must write, worked out without it.
    static func yamsText(_ value: StructuredValue) throws -> String {
        func node(_ value: StructuredValue) -> Node {
            switch value {
            case .mapping(let entries): return .mapping(Node.Mapping(entries.map { (Node($0.key), node($0.value)) }))
            case .sequence(let items): return .sequence(Node.Sequence(items.map(node)))
            case .text(let text):
                let style: Node.Scalar.Style = text.contains("\r") ? .doubleQuoted : text.contains("\n") ? .literal
                    : Resolver.default.resolveTag(of: Node(text)) == .str ? .any : .doubleQuoted
                return .scalar(Node.Scalar(text, Tag(.str), style))
            case .integer(let number): return .scalar(Node.Scalar(String(number), Tag(.int), .plain))
            case .number(let number): return .scalar(Node.Scalar(JSONWriter.formatNumber(number), Tag(.float), .plain))
            case .bool(let flag): return .scalar(Node.Scalar(flag ? "true" : "false", Tag(.bool), .plain))
            case .null: return .scalar(Node.Scalar("null", Tag(.null), .plain))
            }
        }
        return try Yams.serialize(node: node(value), indent: 2, width: -1, allowUnicode: true)
    }

    @Test func aListWrittenItemByItemIsTheTextOfTheWholeList() {
        let nested = StructuredValue.mapping([.init("a", .sequence([.integer(1), .null, .mapping([])])), .init("b", .sequence([]))])
        let texts = WriterRoundTripTests.awkwardTexts.map(StructuredValue.text)
        for items in [[], [StructuredValue.integer(1)], [nested], [nested, .bool(true), .number(0.25)] + texts] {
            var streamed = ""
            JSONWriter.writeList(items, to: &streamed)
            #expect(streamed == JSONWriter.string(.sequence(items)))
        }
    }

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
