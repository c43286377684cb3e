import HindsightCore
import Testing
@testable import HindsightCLI

/// A listing written record by record has the bytes worked out by hand here, and those of the
/// whole-listing forms (``Listing``, ``RecordCSV``) for the same records: wide cells, control
/// characters, CSV quoting and extra keys, and no records at all.
struct RecordListingTests {
    /// A record of the tests: a name, a number and a note.
    struct Row {
        var name: String
        var count: Int
        var note: String
    }

    static let columns: [Listing.Column] = [.init("NAME", maxWidth: 5), .init("N", alignRight: true), .init("NOTE")]

    static func listing(json: @escaping (Row) -> StructuredValue = { row in
        .mapping([.init("name", .text(row.name)), .init("n", .integer(Int64(row.count)))])
    }, csvFields: [String] = ["name", "n"]) -> RecordListing<Row> {
        RecordListing(columns: columns, cells: { [$0.name, String($0.count), $0.note] }, json: json, csvFields: csvFields)
    }

    static let rows = [Row(name: "ab", count: 7, note: "x"),
                       Row(name: "abcdefgh", count: 12345, note: "tab\there"),
                       Row(name: "é", count: 0, note: "")]

    static func written(_ listing: RecordListing<Row>, _ rows: [Row], _ format: OutputFormat) throws -> String {
        var text = ""
        try listing.write(rows, format: format, to: &text)
        return text
    }

    @Test func theTableIsAsWideAsItsWidestCellsShortenedAndNeutralised() throws {
        // NAME: "abcdefgh" is cut to its 5 columns; N: 12345 sets the width; NOTE: the tab is
        // shown as the 5 characters \u{9}, 12 in all. The last cell is not padded.
        let expected = """
            NAME       N  NOTE
            ─────  ─────  ────────────
            ab         7  x
            abcd…  12345  tab\\u{9}here
            é          0  \n
            """
        let text = try Self.written(Self.listing(), Self.rows, .table)
        #expect(text == expected)
        #expect(text == Listing(columns: Self.columns, rows: Self.rows.map { [$0.name, String($0.count), $0.note] }).table())
    }

    @Test func aWideCellInTheLastRowWidensTheRowsBeforeIt() throws {
        let rows = [Row(name: "a", count: 1, note: "x"), Row(name: "b", count: 100_000, note: "y")]
        #expect(try Self.written(Self.listing(), rows, .table) == """
            NAME       N  NOTE
            ────  ──────  ────
            a          1  x
            b     100000  y

            """)
    }

    @Test func markdownEscapesPipesAndLineBreaks() throws {
        let rows = [Row(name: "a|b\nc", count: 7, note: "back\\slash")]
        let expected = "| NAME | N | NOTE |\n| --- | ---: | --- |\n| a\\|b<br>c | 7 | back\\\\slash |\n"
        #expect(try Self.written(Self.listing(), rows, .markdown) == expected)
        #expect(try Self.written(Self.listing(), [], .markdown) == "| NAME | N | NOTE |\n| --- | ---: | --- |\n")
    }

    @Test func jsonIsTheListOfTheRecordsObjects() throws {
        let rows = [Row(name: "ab", count: 7, note: ""), Row(name: "say \"hi\"", count: -1, note: "")]
        let expected = """
            [
              {
                "name": "ab",
                "n": 7
              },
              {
                "name": "say \\"hi\\"",
                "n": -1
              }
            ]

            """
        let text = try Self.written(Self.listing(), rows, .json)
        #expect(text == expected)
        #expect(text == JSONWriter.string(.sequence(rows.map(Self.listing().json))))
        #expect(try Self.written(Self.listing(), [], .json) == "[]\n")
    }

    /// Keys beyond the declared fields join the header in the order first met, also when only
    /// a later record has them; a record that is not an object has no row.
    @Test func csvHasEveryKeyQuotesWhatNeedsItAndDisarmsFormulas() throws {
        let objects: [String: StructuredValue] = [
            "=1+2": .mapping([.init("name", .text("=1+2")), .init("n", .integer(7)), .init("y", .bool(true))]),
            "a,b": .mapping([.init("name", .text("a,b")), .init("n", .integer(-5)),
                             .init("z", .text("say \"hi\"\nbye")), .init("y", .bool(false))]),
            "not an object": .text("skipped"),
            "c": .mapping([.init("tags", .sequence([.text("a"), .text("b")])), .init("name", .text("c"))]),
        ]
        let listing = Self.listing(json: { objects[$0.name] ?? .null }, csvFields: ["name", "n", "missing"])
        let rows = ["=1+2", "a,b", "not an object", "c"].map { Row(name: $0, count: 0, note: "") }
        let expected = "name,n,missing,y,z,tags\r\n"
            + "'=1+2,7,,true,,\r\n"
            + "\"a,b\",-5,,false,\"say \"\"hi\"\"\nbye\",\r\n"
            + "c,,,,,a;b\r\n"
        let text = try Self.written(listing, rows, .csv)
        #expect(text == expected)
        #expect(text == RecordCSV.csv(.sequence(rows.map(listing.json)), fields: ["name", "n", "missing"]))
        #expect(try Self.written(listing, [], .csv) == "name,n,missing\r\n")
    }

    /// Standard output that fails after its first write, as a closed pipe would.
    struct FailingOutput: ListingOutput {
        struct Failure: Error {}
        var writes = 0
        mutating func write(_ text: String) { writes += 1 }
        func checkWritten() throws {
            if writes > 1 { throw Failure() }
        }
    }

    /// A write that fails ends the listing there: the records after it are not made into text for nothing.
    @Test(arguments: [OutputFormat.json, .markdown])
    func aFailedWriteEndsTheListing(format: OutputFormat) throws {
        var made = 0
        let listing = RecordListing<Row>(columns: Self.columns, cells: { made += 1; return [$0.name, "", ""] },
                                         json: { made += 1; return .text($0.name) }, csvFields: [])
        var output = FailingOutput()
        #expect(throws: FailingOutput.Failure.self) {
            try listing.write(Array(repeating: Row(name: "a", count: 0, note: ""), count: 100), format: format, to: &output)
        }
        // JSON: the first two items are written (the opening goes with the first); Markdown: the
        // heading and the first row. The check before the next record stops there.
        #expect(made == (format == .json ? 2 : 1))
    }
}
