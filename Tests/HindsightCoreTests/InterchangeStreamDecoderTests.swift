import Testing
@testable import HindsightCore

/// Record-by-record decoding: the same records and the same located problems as decoding the
/// whole file, whatever the chunk size, and the layouts it cuts without a whole parse.
struct InterchangeStreamDecoderTests {
    /// What the streaming decoder hands out and reports for `text`, read `chunkSize` bytes at a time.
    static func stream(_ text: String, chunkSize: Int = 5) throws -> (document: InterchangeDocument, problems: [String]) {
        let bytes = Array(text.utf8)
        var document = InterchangeDocument()
        let problems = try InterchangeStreamDecoder.decode(file: "t", open: {
            var position = 0
            return {
                guard position < bytes.count else { return nil }
                let chunk = Array(bytes[position..<min(position + chunkSize, bytes.count)])
                position += chunk.count
                return chunk
            }
        }, each: { document.append($0) })
        return (document, problems.map(\.description))
    }

    /// What the whole-file decoder gives for `text`: the records valid on their own, and the problems.
    static func whole(_ text: String) -> (document: InterchangeDocument, problems: [String]) {
        do {
            let (document, findings) = try InterchangeDecoder.decodeFindings(Array(text.utf8), file: "t")
            return (document, findings.problems.map(\.description))
        } catch {
            return (InterchangeDocument(), ["unexpected \(error)"])
        }
    }

    /// The pieces the scanner cuts `text` into: "header", "skipped" or "section[index]@line:column".
    static func pieces(_ text: String) throws -> [String] {
        var bytes: [UInt8]? = Array(text.utf8)
        var result: [String] = []
        try TopLevelRecordScanner(stream: ByteStream(read: { defer { bytes = nil }; return bytes })).scan { piece in
            switch piece {
            case .header: result.append("header")
            case .skipped: result.append("skipped")
            case .record(let section, let index, let snippet, _):
                result.append("\(section.rawValue)[\(index)]@\(snippet.line):\(snippet.column)")
            }
        }
        return result
    }

    static let history: String = {
        var output = ""
        (try? SyntheticHistory(incidents: 40, services: 4, years: 1, seed: 5))?.writeJSON(to: &output)
        return output
    }()

    static let yaml = """
        # Hand-written, with comments and blank lines between records.
        version: 1
        services:
          - id: api
            name: API
        incidents:
          - id: outage
            title: The API fell over
            started_at: 2024-03-01T10:00:00Z
            resolved_at: 2024-03-01T10:30:00Z
            summary: |
              Two lines,

              and a blank one between.
            impacts:
              - {service: api, fraction: 0.5}

        # The second one.
          - id: slow
            title: Slow
            started_at: 2024-03-02T10:00:00Z
        """

    @Test func aGeneratedHistoryIsCutIntoItsRecordsAndDecodesAsTheWholeFile() throws {
        let cut = try Self.pieces(Self.history)
        // The generator writes 4 services; its SLAs and maintenance vary, the 40 incidents do not.
        #expect(cut.first == "header")
        #expect(cut.filter { $0.hasPrefix("services[") }.count == 4)
        #expect(cut.filter { $0.hasPrefix("incidents[") }.count == 40)
        // The writer puts `{` of the first service on line 4 after 4 spaces: `{\n  "version": 1,\n  "services": [\n    {`.
        #expect(cut.dropFirst().first == "services[0]@4:5")

        let streamed = try Self.stream(Self.history, chunkSize: 4096)
        let whole = Self.whole(Self.history)
        #expect(streamed.problems.isEmpty && whole.problems.isEmpty)
        #expect(streamed.document.incidents.map(\.value) == whole.document.incidents.map(\.value))
        #expect(streamed.document.incidents.map(\.location) == whole.document.incidents.map(\.location))
        #expect(streamed.document.services.map(\.value) == whole.document.services.map(\.value))
        #expect(streamed.document.slas.map(\.value) == whole.document.slas.map(\.value))
        #expect(streamed.document.maintenance.map(\.value) == whole.document.maintenance.map(\.value))
    }

    @Test(arguments: [1, 3, 64])
    func blockYAMLIsCutByItsItemsWhateverTheChunkSize(chunkSize: Int) throws {
        // Items start on lines 4 (api), 7 (outage) and 19 (slow), at column 1 of their lines; the
        // blank line and comment before `slow` belong to `outage`, whose item they follow.
        #expect(try Self.pieces(Self.yaml) == ["header", "skipped", "services[0]@4:1", "skipped", "incidents[0]@7:1",
                                                "incidents[1]@19:1"])
        let streamed = try Self.stream(Self.yaml, chunkSize: chunkSize)
        #expect(streamed.problems == [])
        #expect(streamed.document.incidents.map(\.value.id) == ["outage", "slow"])
        #expect(streamed.document.incidents.first?.value.summary == "Two lines,\n\nand a blank one between.\n")
        #expect(streamed.document.incidents.map(\.location.line) == [7, 19])
        #expect(streamed.document.incidents.map(\.location.column) == [5, 5])
        #expect(streamed.document.incidents.map(\.value) == Self.whole(Self.yaml).document.incidents.map(\.value))
    }

    @Test func problemsInsideRecordsKeepTheirFilePositions() throws {
        // Line 21 is `    started_at: 2024-03-02T10:00:00Z`; the value starts at column 17.
        let yaml = Self.yaml.replacingOccurrences(of: "2024-03-02T10:00:00Z", with: "2024-02-30T10:00:00Z")
        let streamed = try Self.stream(yaml)
        #expect(streamed.problems.count == 1)
        #expect(streamed.problems.first?.hasPrefix("t:21:17: incidents[1].started_at: '2024-02-30T10:00:00Z' is not an instant") == true)
        #expect(streamed.problems == Self.whole(yaml).problems)

        // In JSON, records that start mid-line: on line 2, ` "services": [` is 14 characters, so
        // the `{` is at column 15; on line 3, ` "incidents": [` is 15, so incidents[0] is at 16, and
        // it is 25 characters long (16...40) followed by `, `, so incidents[1] is at 43. On line 4,
        // four spaces, the 12-character `"started_at"`, `:` and a space put the value at column 19.
        let json = """
            {"version": 1,
             "services": [{"id": "api", "name": "API"}],
             "incidents": [{"id": "a", "title": "A"}, {"id": "b", "title": "B",
                "started_at": "yesterday"}]}
            """
        #expect(try Self.pieces(json) == ["header", "services[0]@2:15", "incidents[0]@3:16", "incidents[1]@3:43"])
        let jsonProblems = try Self.stream(json).problems
        #expect(jsonProblems == Self.whole(json).problems)
        #expect(jsonProblems.contains { $0.hasPrefix("t:3:16: incidents[0]: missing required key 'started_at'") })
        #expect(jsonProblems.contains { $0.hasPrefix("t:4:19: incidents[1].started_at: 'yesterday' is not an instant") })
    }

    @Test(arguments: [
        "version: 1\nservices: [{id: api, name: API}]\n",           // a flow list in YAML
        "version: 1\nservices:\n  - &a {id: api, name: API}\n  - *a\n",  // an alias of an earlier record
        "services:\n  - {id: api, name: API}\nversion: 1\n",        // the version last
        "---\nversion: 1\n---\nversion: 1\nservices:\n  - {id: api, name: API}\n",  // two documents
        "{'version': 1, 'services': [{'id': 'api', 'name': 'API'}]}",  // single-quoted flow
        "{\"version\": 1, \"services\"\n : [{\"id\": \"api\", \"name\": \"API\"}]}",  // a colon a line after its key
    ])
    func otherLayoutsAreParsedWholeWithTheSameResult(text: String) throws {
        let streamed = try Self.stream(text)
        let whole = Self.whole(text)
        #expect(streamed.problems == whole.problems)
        #expect(streamed.document.services.map(\.value) == whole.document.services.map(\.value))
        #expect(streamed.document.services.map(\.location) == whole.document.services.map(\.location))
    }

    /// An empty document (a `---` with nothing but comments and blank lines after it) was refused
    /// as "expected a mapping, found a scalar" at a line past the end of the file. It holds no
    /// records and is passed over, read whole or record by record: in the first case `q` is handed
    /// out before the `---` sends the reading to a whole parse, and is handed out once.
    @Test(arguments: [
        ("version: 1\nservices:\n  - id: q\n    name: Q\n---\n", ["q"]),
        ("version: 1\nservices:\n  - {id: q, name: Q}\n--- # the end\n\n# nothing more\n", ["q"]),
        ("---\n---\nversion: 1\nservices: [{id: q, name: Q}]\n---\n...\n---\nversion: 1\nservices: [{id: r, name: R}]\n",
         ["q", "r"]),
        ("{\"version\": 1, \"services\": [{\"id\": \"q\", \"name\": \"Q\"}]}\n---\n", ["q"]),
    ])
    func anEmptyDocumentIsPassedOver(text: String, services: [String]) throws {
        let streamed = try Self.stream(text)
        #expect(streamed.problems == [])
        #expect(streamed.document.services.map(\.value.id) == services)
        let whole = Self.whole(text)
        #expect(whole.problems == [])
        #expect(whole.document.services.map(\.value.id) == services)
    }

    /// A file of empty documents holds no document, and is refused as an empty file is; a document
    /// that is a null or an empty string written out is not empty, and is refused as before.
    @Test(arguments: [
        ("---\n", "t:1:1: the file holds no document; expected a mapping that starts with 'version: 1'"),
        ("# a comment\n---\n---\n", "t:1:1: the file holds no document; expected a mapping that starts with 'version: 1'"),
        ("version: 1\n--- ~\n", "t:2:5: document: expected a mapping, found a scalar"),
        ("version: 1\n--- ''\n", "t:2:5: document: expected a mapping, found a scalar"),
        ("version: 1\n--- !!str\n", "t:2:5: document: expected a mapping, found a scalar"),
    ])
    func aDocumentThatIsNotEmptyOrNoDocumentAtAllIsStillRefused(text: String, problem: String) throws {
        #expect(try Self.stream(text).problems == [problem])
        #expect(Self.whole(text).problems == [problem])
    }

    /// A file parsed whole after some of its records were read one by one hands out each record
    /// that is valid on its own once, though another is refused: those read are known by their
    /// place in their list, a refused one counted too.
    @Test func aFileParsedWholeHalfwayHandsOutEachValidRecordOnce() throws {
        // `*n` does not parse on its own, so the file is parsed whole after `api` was handed out.
        let text = "version: 1\nservices:\n  - {id: bad, name: Bad, tier: 0}\n  - {id: api, name: &n API}\n"
            + "  - {id: db, name: *n}\n"
        let streamed = try Self.stream(text)
        #expect(streamed.problems == ["t:3:32: services[0].tier: 0 is out of range; expected a whole number of at least 1"])
        #expect(streamed.document.services.map(\.value.id) == ["api", "db"])
        #expect(streamed.document.services.map(\.location.description) == ["t:4:5", "t:5:5"])
        let whole = Self.whole(text)
        #expect(whole.problems == streamed.problems)
        #expect(whole.document.services.map(\.value.id) == ["api", "db"])
    }

    @Test func sectionsWrittenOutOfOrderGiveTheSameProblemsInFileOrder() throws {
        // Found by FuzzStreamDecoder: the whole-file decoder goes section by section, services
        // first, the streaming one down the file; both list the problems in file order. Line 2's
        // `{` is at column 16, line 3's at 15.
        let json = """
            {"version": 1,
             "incidents": [{"id": "a", "title": "A"}],
             "services": [{"id": "api"}]}
            """
        let streamed = try Self.stream(json).problems
        #expect(streamed == ["t:2:16: incidents[0]: missing required key 'started_at'",
                             "t:3:15: services[0]: missing required key 'name'"])
        #expect(Self.whole(json).problems == streamed)
    }

    /// Found by FuzzStreamDecoder: a scalar run straight into a bracket or a quote is no JSON
    /// value. In the file's list YAML stops the scalar at the bracket and finds no comma; cut out
    /// on its own, the same bytes would read as one plain scalar, and the syntax error be lost.
    /// Line 2 is ` "services": [` (14 characters) and then the item, so its second byte is at
    /// column 16. In `1"a,b"` YAML ends the scalar at the comma, giving two items, both scalars.
    @Test(arguments: [
        ("{\"version\": 0Sub,\n \"services\": [1{\"i:yesterday\"}]}\n",
         "t:2:16: not valid YAML or JSON: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("{\"version\": 1,\n \"services\": [x[1]]}\n",
         "t:2:16: not valid YAML or JSON: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("{\"version\": 1,\n \"services\": [1\"a,b\"]}\n",
         "t:2:15: services[0]: expected a mapping, found a scalar"),
    ])
    func aScalarRunIntoABracketOrAQuoteIsReadInItsPlace(json: String, firstProblem: String) throws {
        #expect(throws: UnsplittableDocument.self) { try Self.pieces(json) }
        let whole = Self.whole(json)
        #expect(whole.problems.first == firstProblem, "\(whole.problems)")
        #expect(try Self.stream(json).problems == whole.problems)
    }

    /// Found by FuzzStreamDecoder: YAML ends a line at a lone carriage return, LINE SEPARATOR and
    /// PARAGRAPH SEPARATOR too, and the records after one must keep YAML's line numbers. (NEL
    /// would be one as well, but is refused raw.)
    @Test(arguments: ["\r", "\r\n", "\u{2028}", "\u{2029}"])
    func linesEndWhereYAMLEndsThem(lineBreak: String) throws {
        let blankSpace = lineBreak == "\r" || lineBreak == "\r\n" ? lineBreak : "\n"
        let json = "{\"version\": 1,\n \"services\": [{\"id\": \"api\", \"name\": \"A\(lineBreak)B\"},"
            + blankSpace + " {\"id\": \"db\"}],\n \"incidents\": [{\"id\": \"a\"}]}"
        let streamed = try Self.stream(json)
        let whole = Self.whole(json)
        #expect(streamed.problems == whole.problems)
        #expect(streamed.problems.count == 3, "\(streamed.problems)")
        // A bad byte after the line break is placed the same way by both: line 5 is
        // ` "incidents": [{"id": "a"}]}`, whose `a` is at column 24.
        var bytes = Array(json.utf8)
        bytes[try #require(bytes.lastIndex(of: UInt8(ascii: "a")))] = 0xFF
        var handed: [UInt8]? = bytes
        let badByte = try InterchangeStreamDecoder.decode(file: "t", open: { { defer { handed = nil }; return handed } },
                                                          each: { _ in }).map(\.description)
        #expect(throws: InterchangeProblems.self) { try InterchangeDecoder.decode(bytes, file: "t") }
        do {
            _ = try InterchangeDecoder.decode(bytes, file: "t")
        } catch let problems as InterchangeProblems {
            #expect(badByte == problems.problems.map(\.description))
            #expect(badByte.first?.hasPrefix("t:5:24: invalid UTF-8") == true, "\(badByte)")
        }
        let yaml = "version: 1\nservices:\n  - id: api\n    name: API" + blankSpace + "  - id: db\n"
        let streamedYAML = try Self.stream(yaml)
        #expect(streamedYAML.problems == Self.whole(yaml).problems)
        #expect(streamedYAML.problems.count == 1, "\(streamedYAML.problems)")
    }

    @Test func aBadByteIsTheFilesOnlyProblemAtItsOffset() throws {
        // The 'l' of "slow" on line 19, `  - id: slow`, is at column 10.
        var bytes = Array(Self.yaml.utf8)
        let offset = try #require(Self.yaml.utf8.firstRange(of: "slow".utf8)).lowerBound
        let index = Self.yaml.utf8.distance(from: Self.yaml.utf8.startIndex, to: offset) + 1
        bytes[index] = 0xFF
        var handed: [UInt8]? = bytes
        let problems = try InterchangeStreamDecoder.decode(file: "t", open: {
            { defer { handed = nil }; return handed }
        }, each: { _ in })
        #expect(problems.map(\.description) == ["t:19:10: invalid UTF-8 (byte 0xFF at offset \(index)); the input must be UTF-8"])
    }

    /// A byte order mark may open a file (YAML allows it; some editors write it). It is not a
    /// column: positions are those an editor shows, and byte offsets are still the file's.
    @Test(arguments: [1, 2, 4096])
    func aByteOrderMarkMayOpenTheFile(chunkSize: Int) throws {
        let yaml = "\u{FEFF}version: 1\nservices:\n  - {id: s, name: S}\n  - {id: t}\n"
        #expect(try Self.pieces(yaml) == ["header", "skipped", "services[0]@3:1", "services[1]@4:1"])
        let streamed = try Self.stream(yaml, chunkSize: chunkSize)
        #expect(streamed.problems == ["t:4:5: services[1]: missing required key 'name'"])
        #expect(streamed.document.services.map(\.value.id) == ["s"])
        #expect(Self.whole(yaml).problems == streamed.problems)

        // `{"version": 1, "services": [` is 28 characters: the service starts at column 29.
        let json = "\u{FEFF}{\"version\": 1, \"services\": [{\"id\": \"s\"}]}"
        #expect(try Self.stream(json, chunkSize: chunkSize).problems == ["t:1:29: services[0]: missing required key 'name'"])
        #expect(Self.whole(json).problems == ["t:1:29: services[0]: missing required key 'name'"])

        // The bad byte follows the mark (3 bytes), `version: 1\n` (11) and `services:\n` (10).
        var bytes = Array("\u{FEFF}version: 1\nservices:\n  - {id: s, name: S}\n".utf8)
        bytes[24 + 9] = 0xFF
        var handed: [UInt8]? = bytes
        let badByte = try InterchangeStreamDecoder.decode(file: "t", open: { { defer { handed = nil }; return handed } },
                                                          each: { _ in }).map(\.description)
        #expect(badByte == ["t:3:10: invalid UTF-8 (byte 0xFF at offset 33); the input must be UTF-8"])
        #expect(throws: InterchangeProblems.self) { try InterchangeDecoder.decode(bytes, file: "t") }
        do {
            _ = try InterchangeDecoder.decode(bytes, file: "t")
        } catch let problems as InterchangeProblems {
            #expect(problems.problems.map(\.description) == badByte)
        }
        // A mark and nothing else is an empty file.
        #expect(try Self.stream("\u{FEFF}", chunkSize: chunkSize).problems
                == ["t:1:1: the file holds no document; expected a mapping that starts with 'version: 1'"])
    }

    /// A character YAML does not allow raw is one located line, in JSON and in YAML, read whole
    /// or record by record; tab and carriage return are allowed. NEL is refused too: YAML would
    /// take it for a line break and fold it into a space, in a JSON string as well.
    @Test(arguments: [0x01, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0xFFFE, 0xFFFF] as [UInt32])
    func aRawControlCharacterIsOneLocatedProblem(code: UInt32) throws {
        let character = String(try #require(Unicode.Scalar(code)))
        let hex = String(code, radix: 16, uppercase: true)
        let name = String(repeating: "0", count: 4 - hex.count) + hex
        let kind = code >= 0xFFFE ? "noncharacter" : "control character"
        let rest = code >= 0xFFFE ? "" : " (tab, line feed and carriage return may appear raw)"
        let message = "\(kind) U+\(name) may not appear raw in an interchange file; write it as the escape \\u\(name) "
            + "inside a double-quoted string\(rest)"
        // `{"version":1,"services":[{"id":"c","name":"a` is 44 characters.
        let json = "{\"version\":1,\"services\":[{\"id\":\"c\",\"name\":\"a\(character)b\"}]}"
        #expect(try Self.stream(json).problems == ["t:1:45: " + message])
        #expect(Self.whole(json).problems == ["t:1:45: " + message])
        for yaml in ["version: 1\nservices:\n  - {id: c, name: \"a\(character)b\"}\n",
                     "version: 1\nservices:\n  - {id: c, name: a\(character)b}\n"] {
            let column = yaml.contains("\"a") ? 21 : 20
            #expect(try Self.stream(yaml).problems == ["t:3:\(column): " + message])
            #expect(Self.whole(yaml).problems == ["t:3:\(column): " + message])
        }
    }

    /// A line break inside a quoted string folds into a space, as YAML says.
    @Test func tabAndCarriageReturnMayAppearRaw() throws {
        let yaml = "version: 1\nservices:\n  - {id: c, name: \"a\tb\r\n c\"}\n"
        let streamed = try Self.stream(yaml)
        #expect(streamed.problems == [])
        #expect(streamed.document.services.map(\.value.name) == ["a\tb c"])
    }

    /// A section's `key:` line may carry a comment that no parser reads when the file is cut into
    /// records; a bad byte in it is refused all the same, as the whole parse does.
    @Test(arguments: [[0xFF], [0x00], [0x01]] as [[UInt8]])
    func aBadByteInASectionLinesCommentIsRefused(bad: [UInt8]) throws {
        let bytes = Array("version: 1\nservices:  # ".utf8) + bad + Array("\n  - {id: s, name: S}\n".utf8)
        var handed: [UInt8]? = bytes
        let streamed = try InterchangeStreamDecoder.decode(file: "t", open: { { defer { handed = nil }; return handed } },
                                                           each: { _ in }).map(\.description)
        #expect(streamed.count == 1)
        #expect(streamed.first?.hasPrefix("t:2:14: ") == true, "\(streamed)")
        #expect(throws: InterchangeProblems.self) { try InterchangeDecoder.decode(bytes, file: "t") }
        do {
            _ = try InterchangeDecoder.decode(bytes, file: "t")
        } catch let problems as InterchangeProblems {
            #expect(problems.problems.map(\.description) == streamed)
        }
    }
}
