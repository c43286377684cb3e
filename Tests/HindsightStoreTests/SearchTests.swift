import HindsightCore
import PropertyBased
import Testing
@testable import HindsightStore

/// Full-text search on a real file holding ``SearchCorpus``.
struct SearchTests {
    let folder: TemporaryDirectory
    let knowledgeBase: KnowledgeBase

    init() throws {
        folder = try TemporaryDirectory()
        knowledgeBase = try SearchCorpus.knowledgeBase(in: folder)
    }

    func hits(_ query: String, filter: IncidentFilter = IncidentFilter(), limit: Int = 20) throws -> [SearchHit] {
        try knowledgeBase.search(try SearchQuery(parsing: query), filter: filter, limit: limit)
    }

    @Test func titlesRankAboveSummariesAndTimelines() throws {
        // "cache" occurs in two titles (the stampede incident's, twice, and its factor's, once)
        // and in two body texts (the disk-full summary and a timeline entry). bm25's term-frequency
        // factor tf·(k1+1)/(tf + k1·(1−b+b·len/avg)) lies between 0 and k1+1 = 2.2 and the
        // inverse document frequency is the same for every hit, so a body hit scores at most
        // 2.2·idf while a title hit in a title of ordinary length scores about 10·idf with the
        // title weight of 10. Both titles therefore come first, then the two bodies; the shorter
        // body (the 6-word timeline entry against the 10-word summary) ranks above the longer one.
        let found = try hits("cache")
        #expect(found.count == 4)
        #expect(Set(found.prefix(2).map(\.field)) == [.incidentTitle, .factorTitle])
        #expect(found.prefix(2).allSatisfy { $0.incidentID == "2024-01-05-cache-stampede" })
        #expect(found.dropFirst(2).map(\.field) == [.timelineText, .incidentSummary])
        #expect(found[2].incidentID == "2024-03-15-queue-stall")
        #expect(found[2].record == "2024-03-15T10:10:00Z")
        #expect(found[3].incidentID == "2024-02-10-disk-full")
        let factor = try #require(found.first { $0.field == .factorTitle })
        #expect(factor.record == "cold-cache")
    }

    /// The disk-full incident: title "Disk full on the log volume", summary "The build cache grew
    /// without bound until the volume filled." A hit shows the field holding more of the words.
    @Test(arguments: [("volume cache grew", SearchField.incidentSummary),   // title 1 word, summary 3
                      ("disk volume", .incidentTitle),                       // title 2, summary 1
                      ("volume", .incidentTitle)])                           // 1 each: the title
    func aHitShowsTheFieldThatHoldsMoreOfTheWords(query: String, field: SearchField) throws {
        let found = try hits(query).filter { $0.incidentID == "2024-02-10-disk-full" && $0.record == nil }
        #expect(found.map(\.field) == [field])
    }

    @Test func snippetsMarkEveryMatchAndKeepTheText() throws {
        let title = try #require(try hits("cache").first { $0.field == .incidentTitle })
        #expect(title.snippet.plain == "Cache stampede after a deploy emptied the cache")
        #expect(title.snippet.matches == ["Cache", "cache"])
        #expect(title.snippet.marked(open: "[", close: "]") == "[Cache] stampede after a deploy emptied the [cache]")
    }

    @Test func wordsAreAndedPhrasesKeepTheirOrderAndStarIsAPrefix() throws {
        #expect(try hits("cache deploy").map(\.field).sorted { $0.rawValue < $1.rawValue } == [.factorTitle, .incidentTitle])
        #expect(try hits("\"deploy emptied\"").map(\.incidentID) == ["2024-01-05-cache-stampede"])
        #expect(try hits("\"emptied deploy\"").isEmpty)
        #expect(try hits("stamp").isEmpty)
        #expect(try hits("stamp*").map(\.incidentID) == ["2024-01-05-cache-stampede"])
    }

    @Test func diacriticsDoNotMatterButŁIsALetterOfItsOwn() throws {
        // Czech: ž and á decompose into z and a plus a mark, which the index removes.
        #expect(try hits("jednorozec").map(\.incidentID) == ["2024-04-02-jednorozec"])
        #expect(try hits("hacek").map(\.incidentID) == ["2024-04-02-jednorozec"])
        #expect(try hits("JEDNOROŽEC").map(\.incidentID) == ["2024-04-02-jednorozec"])
        // Polish: ę, ó and ź decompose, so "piekna" finds "piękna"; Ł has no decomposition in
        // Unicode, so "lodz" does not find "Łódź" while "łodz" does.
        #expect(try hits("piekna").map(\.incidentID) == ["2024-04-01-lodz-outage"])
        #expect(try hits("lodz").isEmpty)
        #expect(try hits("łodz").map(\.incidentID) == ["2024-04-01-lodz-outage"])
        #expect(try hits("ŁÓDŹ").map(\.incidentID) == ["2024-04-01-lodz-outage"])
        // Combining characters: "e" + U+0301 and the precomposed "é" are the same word.
        let both = ["2024-04-03-cafe-decomposed", "2024-04-04-cafe-precomposed"]
        #expect(try hits("caf\u{E9}").map(\.incidentID).sorted() == both)
        #expect(try hits("cafe\u{301}").map(\.incidentID).sorted() == both)
        #expect(try hits("cafe").map(\.incidentID).sorted() == both)
    }

    @Test func filtersNarrowTheIncidents() throws {
        var filter = IncidentFilter()
        filter.services = ["web"]
        #expect(try hits("cache", filter: filter).map(\.incidentID) == ["2024-02-10-disk-full"])
        filter = IncidentFilter()
        filter.cause = "concurrency"
        #expect(try hits("cache", filter: filter).map(\.incidentID) == ["2024-03-15-queue-stall"])
        filter = IncidentFilter()
        filter.since = try CalendarDate(parsing: "2024-02-10")
        filter.until = try CalendarDate(parsing: "2024-02-10")
        #expect(try hits("cache", filter: filter).map(\.incidentID) == ["2024-02-10-disk-full"])
        #expect(try hits("cache", limit: 1).count == 1)
        // A limit too large to look for among the best matches first filters inside the query.
        filter = IncidentFilter()
        filter.services = ["api"]
        let inQuery = try hits("cache", filter: filter, limit: 5_000)
        #expect(inQuery.map(\.incidentID) == ["2024-01-05-cache-stampede", "2024-01-05-cache-stampede", "2024-03-15-queue-stall"])
        #expect(try hits("cache", filter: filter, limit: 20).map(\.record) == inQuery.map(\.record))
    }

    /// Pieces of what people type, FTS5 syntax above all, joined at random.
    private static let pieces = [
        "\"", "*", "AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", "^", ":", "title:", "body:", "-", "+", " ", "  ",
        "cache", "ł", "e\u{301}", "'", "\\", "{", "}", ",", "\t", "\n", "ž", "0", "%", "_", "\u{1B}[31m", "\u{202E}",
    ]
    private static let hostile = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }

    @Test func noTypedQueryReachesTheIndexAsSyntax() async throws {
        let knowledgeBase = self.knowledgeBase
        await propertyCheck(input: Self.hostile) { text in
            let query: SearchQuery
            do {
                query = try SearchQuery(parsing: text)
            } catch is ValueParseError {
                return  // refused with a message: fine
            } catch {
                Issue.record("unexpected error parsing \(text.debugDescription): \(error)")
                return
            }
            do {
                _ = try knowledgeBase.search(query, limit: 5)
            } catch {
                Issue.record("search for \(text.debugDescription) failed: \(error)")
            }
        }
    }
}
