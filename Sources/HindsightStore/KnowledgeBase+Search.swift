import Foundation
import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The records that match `query`, best first, at most `limit` of them, among the incidents
    /// that pass `filter`.
    ///
    /// Ranked by FTS5's bm25 with a title weighing ``titleWeight`` times a body text, so a word
    /// in an incident's or a factor's title ranks that record above one that has the word only in
    /// a summary or the timeline. Ties keep the order in which the records were stored.
    /// - Throws: ``SearchQueryRefused`` when the index refuses the query as malformed.
    public func search(_ query: SearchQuery, filter: IncidentFilter = IncidentFilter(), limit: Int) throws -> [SearchHit] {
        let expression = query.fts5Expression
        let (condition, filterArguments) = filter.sqlCondition()
        do {
            return try hits(expression, query, condition: condition, filterArguments: filterArguments, limit: limit)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw SearchQueryRefused()
        }
    }

    /// The hits of ``search(_:filter:limit:)``, read in one transaction.
    private func hits(_ expression: String, _ query: SearchQuery, condition: String, filterArguments: StatementArguments,
                      limit: Int) throws -> [SearchHit] {
        try queue.read { db in
            let ranked: [Row]
            if condition == "1" {
                ranked = try Self.rankedRows(db, expression, limit: limit)
            } else if let rowIDs = try Self.bestRowIDs(db, expression, condition: condition, arguments: filterArguments, limit: limit) {
                ranked = try Self.rankedRows(db, expression, rowIDs: rowIDs)
            } else {
                ranked = try Self.rankedRows(db, expression, limit: limit, condition: condition, arguments: filterArguments)
            }
            guard !ranked.isEmpty else { return [] }
            let incidentPKs = Set(ranked.map { $0["incident_pk"] as Int64 }).sorted()
            let incidents = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT pk, id, title, started_at FROM incident WHERE pk IN (\(placeholders(incidentPKs.count)))
                """, arguments: StatementArguments(incidentPKs)).map { ($0["pk"] as Int64, $0) })
            let termCounts = try Self.termCounts(db, query, rowIDs: ranked.compactMap { row in
                ["incident", "factor"].contains(row["kind"] as String) ? row["rowid"] as Int64 : nil
            })
            return try ranked.compactMap { row in
                guard let incident = incidents[row["incident_pk"]] else { return nil }
                return try Self.hit(db, row, incident: incident, termCounts: termCounts[row["rowid"]] ?? (0, 0))
            }
        }
    }

    /// The ranking, best first.
    private static let rank = "bm25(search_index, \(titleWeight), 1.0), rowid"
    /// The columns of a hit: its record, incident, kind and the snippets of both columns, marked.
    private static let hitColumns = """
        rowid, incident_pk, kind,
        CAST(snippet(search_index, 0, x'FE', x'FF', '…', \(snippetWords)) AS BLOB) AS title_snippet,
        CAST(snippet(search_index, 1, x'FE', x'FF', '…', \(snippetWords)) AS BLOB) AS body_snippet
        """

    /// The best `limit` matches, among the incidents that satisfy `condition` when one is given.
    /// Snippets are made in the ranking query itself: SQLite makes them only for the rows kept
    /// after the sort.
    private static func rankedRows(_ db: Database, _ expression: String, limit: Int, condition: String? = nil,
                                   arguments: StatementArguments = []) throws -> [Row] {
        var all: StatementArguments = [expression]
        _ = all.append(contentsOf: arguments)
        _ = all.append(contentsOf: [max(0, limit)])
        let filtered = condition.map { "AND incident_pk IN (SELECT pk FROM incident WHERE \($0))" } ?? ""
        return try Row.fetchAll(db, sql: """
            SELECT \(hitColumns) FROM search_index WHERE search_index MATCH ? \(filtered) ORDER BY \(rank) LIMIT ?
            """, arguments: all)
    }

    /// The hits for these records, in the order given.
    private static func rankedRows(_ db: Database, _ expression: String, rowIDs: [Int64]) throws -> [Row] {
        guard !rowIDs.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(hitColumns) FROM search_index WHERE search_index MATCH ? AND rowid IN (\(placeholders(rowIDs.count)))
            """, arguments: [expression] + StatementArguments(rowIDs))
        let byRowID = Dictionary(rows.map { ($0["rowid"] as Int64, $0) }, uniquingKeysWith: { first, _ in first })
        return rowIDs.compactMap { byRowID[$0] }
    }

    /// The best `limit` matching records among the incidents that satisfy `condition`, found by
    /// ranking every match and testing the incidents of the best few hundred, then of more
    /// while too few pass; nil when even the best 20 000 hold too few, for the caller to filter
    /// inside the query instead. A filter inside the query makes FTS5 read the incident of every
    /// match, which costs more than the ranking itself when most of them pass.
    private static func bestRowIDs(_ db: Database, _ expression: String, condition: String, arguments: StatementArguments,
                                   limit: Int) throws -> [Int64]? {
        var window = max(200, limit * 10)
        while window <= 20_000 {
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, incident_pk FROM search_index WHERE search_index MATCH ? ORDER BY \(rank) LIMIT ?
                """, arguments: [expression, window])
            var passing: Set<Int64> = []
            let candidates = Set(rows.map { $0["incident_pk"] as Int64 }).sorted()
            // SQLite limits the number of bound parameters; stay well under it.
            for start in stride(from: 0, to: candidates.count, by: 500) {
                let chunk = Array(candidates[start..<min(start + 500, candidates.count)])
                passing.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT pk FROM incident WHERE pk IN (\(placeholders(chunk.count))) AND \(condition)
                    """, arguments: StatementArguments(chunk) + arguments))
            }
            let kept = rows.filter { passing.contains($0["incident_pk"]) }.prefix(limit).map { $0["rowid"] as Int64 }
            if kept.count >= limit || rows.count < window { return kept }
            window *= 8
        }
        return nil
    }

    /// How much more a word in a title counts than one in a summary, description or timeline entry.
    public static let titleWeight = 10.0

    /// How many words a snippet holds at most.
    static let snippetWords = 16

    /// How many of the query's terms each of these records holds in its title and in its body
    /// text, by rowid. Asked of the index term by term and column by column, as only the index
    /// knows which stored words are forms of a term (`checks` and `checked` are both `check`,
    /// `CAFÉ` is `cafe`): counting the marked words instead would take two forms of one term for
    /// two terms, and name a summary that uses a word three ways over a title that has it once.
    private static func termCounts(_ db: Database, _ query: SearchQuery, rowIDs: [Int64]) throws -> [Int64: (title: Int, body: Int)] {
        guard !rowIDs.isEmpty else { return [:] }
        var counts: [Int64: (title: Int, body: Int)] = [:]
        var seen: Set<String> = []
        for term in query.fts5TermExpressions where seen.insert(term).inserted {
            for inTitle in [true, false] {
                let holding = try Int64.fetchAll(db, sql: """
                    SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid IN (\(placeholders(rowIDs.count)))
                    """, arguments: ["{\(inTitle ? "title" : "body")} : \(term)"] + StatementArguments(rowIDs))
                for rowID in holding {
                    var count = counts[rowID] ?? (0, 0)
                    if inTitle { count.title += 1 } else { count.body += 1 }
                    counts[rowID] = count
                }
            }
        }
        return counts
    }

    /// The hit for `row`, whose incident is `incident` and whose title and body text hold
    /// `termCounts` of the query's terms.
    private static func hit(_ db: Database, _ row: Row, incident: Row, termCounts: (title: Int, body: Int)) throws -> SearchHit {
        let kind: String = row["kind"]
        let sourcePK = (row["rowid"] as Int64) / 4
        let title = markedText(row["title_snippet"])
        let body = markedText(row["body_snippet"])
        // The field that holds more of the query's terms; the title on a tie, as it ranks higher.
        let inTitle = termCounts.title >= termCounts.body
        let field: SearchField
        var record: String?
        switch (kind, inTitle) {
        case ("incident", true): field = .incidentTitle
        case ("incident", false): field = .incidentSummary
        case ("factor", _):
            field = inTitle ? .factorTitle : .factorDescription
            record = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM factor WHERE pk = ?"), arguments: [sourcePK])
        case ("action", _):
            field = .actionTitle
            record = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM action WHERE pk = ?"), arguments: [sourcePK])
        default:
            field = .timelineText
            record = try Int64.fetchOne(db.cachedStatement(sql: "SELECT at FROM timeline_event WHERE pk = ?"), arguments: [sourcePK])
                .map { Instant(millisecondsSinceEpoch: $0).description }
        }
        return SearchHit(incidentID: incident["id"], incidentTitle: incident["title"],
                         incidentStartedAt: try RowDecoding.requiredInstant(incident, "started_at"),
                         field: field, record: record, snippet: field == .timelineText ? body : (inTitle ? title : body))
    }

    /// Splits a snippet at the marks FTS5 put around matches. The marks are the bytes 0xFE and
    /// 0xFF, which never occur in UTF-8 text, so no stored character can pose as one.
    private static func markedText(_ data: Data?) -> MarkedText {
        guard let data else { return MarkedText([]) }
        var parts: [MarkedText.Part] = []
        var current: [UInt8] = []
        var inMatch = false
        for byte in data {
            if byte == 0xFE || byte == 0xFF {
                parts.append(.init(String(decoding: current, as: UTF8.self), isMatch: inMatch))
                current = []
                inMatch = byte == 0xFE
            } else {
                current.append(byte)
            }
        }
        parts.append(.init(String(decoding: current, as: UTF8.self), isMatch: inMatch))
        return MarkedText(parts)
    }
}
