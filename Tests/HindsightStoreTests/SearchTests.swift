import Foundation
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

    /// English words are matched by their Porter stem, both ways: "stall", "stalls", "stalled" and
    /// "stalling" are all "stall", "log" and "logs" are "log". The marks still cover the stored word.
    @Test func wordFormsFindEachOtherAndTheMarksCoverTheStoredWord() throws {
        for query in ["stall", "stalls", "stalled", "stalling"] {
            let found = try hits(query)
            #expect(found.map(\.incidentID) == ["2024-03-15-queue-stall"], "\(query)")
            #expect(found.map(\.snippet.matches) == [["stalled"]], "\(query)")
        }
        // "log" is in the disk-full title, "Logs" in its factor's title; both are titles, and the
        // factor's 4 words against the incident's 6 rank it first.
        for query in ["log", "logs", "logging"] {
            let found = try hits(query)
            #expect(found.map(\.field) == [.factorTitle, .incidentTitle], "\(query)")
            #expect(found.map(\.snippet.matches) == [["Logs"], ["log"]], "\(query)")
        }
        // Only in a summary, in the singular; the plural finds it.
        #expect(try hits("requests").map(\.field) == [.incidentSummary])
        #expect(try hits("requests").first?.snippet.marked(open: "[", close: "]") == "Every [request] went to the database at once.")
        // A phrase matches its words' forms, in order only.
        #expect(try hits("\"consumer stalls\"").map(\.incidentID) == ["2024-03-15-queue-stall"])
        #expect(try hits("\"stalls consumer\"").isEmpty)
        // Stems are whole words still: "stamp" is not the stem of "stampede", a prefix is needed.
        #expect(try hits("stamp").isEmpty)
        let cache = try hits("cache").count
        #expect(try hits("cach*").count == cache)
    }

    /// The limits of stemming that README names: the index holds stems, so a `*` extends the stem
    /// of what is typed, and unrelated words can share a stem.
    @Test func aPrefixExtendsTheStemAndUnrelatedWordsCanShareOne() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("stems.sqlite"), access: .readWrite)
        let document = """
            version: 1
            incidents:
              - {id: a-deployment, title: Deployment froze, started_at: 2024-01-01T10:00:00Z, near_miss: true}
              - {id: b-deploys, title: Deploys paused, started_at: 2024-01-02T10:00:00Z, near_miss: true}
              - {id: c-university, title: University network down, started_at: 2024-01-03T10:00:00Z, near_miss: true}
            """
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(document.utf8), file: "stems.yaml"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2024-06-01T00:00:00Z"))
        func ids(_ query: String) throws -> [String] {
            try knowledgeBase.search(try SearchQuery(parsing: query), limit: 20).map(\.incidentID).sorted()
        }
        // Porter makes "Deployment" "deploy" but "Deploys" and a typed "deploy" "deploi".
        #expect(try ids("deploy*") == ["b-deploys"])
        #expect(try ids("deplo*") == ["a-deployment", "b-deploys"])
        #expect(try ids("deployment") == ["a-deployment"])
        // "universe" and "university" are both "univers".
        #expect(try ids("universe") == ["c-university"])
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
        filter.causes = ["concurrency"]
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

    /// Counts the queries that got past the parser, across the property's runs.
    final class SearchedCount: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var current: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func noTypedQueryReachesTheIndexAsSyntax() async throws {
        let knowledgeBase = self.knowledgeBase
        let searched = SearchedCount()
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
            searched.add()
            do {
                _ = try knowledgeBase.search(query, limit: 5)
            } catch {
                Issue.record("search for \(text.debugDescription) failed: \(error)")
            }
        }
        // A parser that refused everything would leave the index untried and this test passing.
        #expect(searched.current > 0)
    }
}
