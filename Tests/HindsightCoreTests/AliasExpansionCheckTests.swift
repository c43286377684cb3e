import Testing
@testable import HindsightCore

/// Aliases that stand for more values than a file may hold are refused at the alias that crosses
/// the limit, before anything is built from them, by the whole-file and the record-by-record
/// decoder alike; the anchors people write keep working.
struct AliasExpansionCheckTests {
    /// A "billion laughs" document: anchors a, b, c … each a list of nine aliases of the one
    /// before, under top-level keys x0, x1 …, one a line after `version: 1`.
    static func laughs(levels: Int, indent: String = "") -> String {
        let names = Array("abcdefghijklmnopqrstuvwxyz").map(String.init)
        var lines = [indent + "x0: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]"]
        for level in 1..<levels {
            lines.append(indent + "x\(level): &\(names[level]) ["
                         + Array(repeating: "*" + names[level - 1], count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let tooMuch = "the alias *e stands for 66430 values, which takes what the file's aliases stand for past 100000; "
        + "write the values out or alias smaller parts (an alias counts every value inside what it names, aliases included)"

    @Test func nestedAliasesAreRefusedAtTheAliasThatCrossesTheLimit() throws {
        // a stands for 10 values (the list and its nine items), b for 91, c for 820, d for 7381,
        // e for 66430. The aliases of x1 to x4 stand for 74718 values; the first *e of x5 (line
        // 7, column 9) would take them to 141148. Six levels are few enough to build in memory,
        // so the test fails rather than exhausting the machine should the check go.
        let text = "version: 1\n" + Self.laughs(levels: 6)
        let expected = ["t:7:9: " + Self.tooMuch]
        #expect(InterchangeStreamDecoderTests.whole(text).problems == expected)
        #expect(try InterchangeStreamDecoderTests.stream(text).problems == expected)
        // Aliases in a mapping key, which Yams hashes whole: the first *e, after `? [`, is refused.
        let key = "version: 1\n" + Self.laughs(levels: 5) + "? [*e, *e]\n: 1\n"
        #expect(InterchangeStreamDecoderTests.whole(key).problems == ["t:7:4: " + Self.tooMuch])
    }

    @Test func aRecordReadOnItsOwnIsCheckedAtItsPlaceInTheFile() throws {
        // The service is cut out as a record of block YAML and parsed alone; its x0 is on line 5.
        let text = "version: 1\nservices:\n  - id: api\n    name: API\n" + Self.laughs(levels: 6, indent: "    ")
        #expect(try InterchangeStreamDecoderTests.pieces(text) == ["header", "skipped", "services[0]@3:1"])
        let expected = ["t:10:13: " + Self.tooMuch]
        #expect(try InterchangeStreamDecoderTests.stream(text).problems == expected)
        #expect(InterchangeStreamDecoderTests.whole(text).problems == expected)
    }

    @Test func aliasesMayStandForExactlyTheLimit() throws {
        // An anchored list of 999 items stands for 1000 values; 100 aliases of it for 100000.
        let anchored = "x: &a [" + Array(repeating: "v", count: 999).joined(separator: ", ") + "]\n"
        func document(aliases: Int) -> String {
            "version: 1\n" + anchored + "y: [" + Array(repeating: "*a", count: aliases).joined(separator: ", ") + "]\n"
        }
        let unknown = InterchangeStreamDecoderTests.whole(document(aliases: 100)).problems
        #expect(unknown.count == 2)
        #expect(unknown.first?.hasPrefix("t:2:1: document: unknown key 'x'") == true, "\(unknown)")
        #expect(unknown.last?.hasPrefix("t:3:1: document: unknown key 'y'") == true, "\(unknown)")
        // The 101st alias starts after `y: [` and 100 times `*a, `.
        let refused = InterchangeStreamDecoderTests.whole(document(aliases: 101)).problems
        #expect(refused.count == 1)
        #expect(refused.first?.hasPrefix("t:3:405: the alias *a stands for 1000 values") == true, "\(refused)")
    }

    @Test func aSmallDocumentWithAliasesStillNamesItsUnknownKeys() {
        let problems = InterchangeStreamDecoderTests.whole("version: 1\n" + Self.laughs(levels: 3)).problems
        #expect(problems.count == 3)
        for (index, problem) in problems.enumerated() {
            #expect(problem.hasPrefix("t:\(index + 2):1: document: unknown key 'x\(index)'"), "\(problem)")
        }
    }

    @Test func anchorsAndAliasesAsPeopleWriteThemKeepWorking() throws {
        let text = """
            version: 1
            services:
              - {id: api, name: API}
            incidents:
              - id: first
                title: First
                started_at: 2024-03-01T10:00:00Z
                tags: &shared [deploy, config]
                impacts:
                  - &half {service: api, fraction: 0.5}
              - id: second
                title: Second
                started_at: 2024-03-02T10:00:00Z
                tags: *shared
                impacts:
                  - *half
            """
        let streamed = try InterchangeStreamDecoderTests.stream(text)
        #expect(streamed.problems == [])
        #expect(streamed.document.incidents.map(\.value.tags) == [["deploy", "config"], ["deploy", "config"]])
        #expect(streamed.document.incidents.map { $0.value.impacts.map(\.fraction) } == [[0.5], [0.5]])
        #expect(streamed.document.incidents.map(\.value) == InterchangeStreamDecoderTests.whole(text).document.incidents.map(\.value))
    }
}
