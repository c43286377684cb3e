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
    public func search(_ query: SearchQuery, filter: IncidentFilter = IncidentFilter(), limit: Int) throws -> [SearchHit] {
        let expression = query.fts5Expression
        let (condition, filterArguments) = filter.sqlCondition()
        let filtered = condition == "1" ? "" : "AND incident_pk IN (SELECT pk FROM incident WHERE \(condition))"
        let rank = "bm25(search_index, \(Self.titleWeight), 1.0)"
        return try queue.read { db in
            // Rank first and only then cut snippets, so they are made for the hits shown and not
            // for every matching record.
            var arguments: StatementArguments = [expression]
            _ = arguments.append(contentsOf: filterArguments)
            _ = arguments.append(contentsOf: [max(0, limit)])
            let ranked = try Int64.fetchAll(db, sql: """
                SELECT rowid FROM search_index WHERE search_index MATCH ? \(filtered)
                ORDER BY \(rank), rowid LIMIT ?
                """, arguments: arguments)
            guard !ranked.isEmpty else { return [] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT search_index.rowid AS rowid, search_index.kind AS kind,
                       CAST(snippet(search_index, 0, x'FE', x'FF', '…', \(Self.snippetWords)) AS BLOB) AS title_snippet,
                       CAST(snippet(search_index, 1, x'FE', x'FF', '…', \(Self.snippetWords)) AS BLOB) AS body_snippet,
                       incident.id AS incident_id, incident.title AS incident_title, incident.started_at,
                       CASE search_index.kind
                           WHEN 'factor' THEN (SELECT id FROM factor WHERE factor.pk = search_index.rowid / 4)
                           WHEN 'action' THEN (SELECT id FROM action WHERE action.pk = search_index.rowid / 4)
                           WHEN 'timeline' THEN (SELECT at FROM timeline_event WHERE timeline_event.pk = search_index.rowid / 4)
                       END AS record
                FROM search_index JOIN incident ON incident.pk = search_index.incident_pk
                WHERE search_index MATCH ? AND search_index.rowid IN (\(placeholders(ranked.count)))
                """, arguments: [expression] + StatementArguments(ranked))
            let byRowID = Dictionary(rows.map { ($0["rowid"] as Int64, $0) }, uniquingKeysWith: { first, _ in first })
            return try ranked.compactMap { rowID in
                guard let row = byRowID[rowID] else { return nil }
                return try Self.hit(row)
            }
        }
    }

    /// How much more a word in a title counts than one in a summary, description or timeline entry.
    public static let titleWeight = 10.0

    /// How many words a snippet holds at most.
    static let snippetWords = 16

    private static func hit(_ row: Row) throws -> SearchHit {
        let kind: String = row["kind"]
        let title = markedText(row["title_snippet"])
        let body = markedText(row["body_snippet"])
        let inTitle = title.hasMatch || !body.hasMatch
        let field: SearchField
        switch (kind, inTitle) {
        case ("incident", true): field = .incidentTitle
        case ("incident", false): field = .incidentSummary
        case ("factor", true): field = .factorTitle
        case ("factor", false): field = .factorDescription
        case ("action", _): field = .actionTitle
        default: field = .timelineText
        }
        var record: String?
        if kind == "timeline", let at: Int64 = row["record"] {
            record = Instant(millisecondsSinceEpoch: at).description
        } else if kind == "factor" || kind == "action" {
            record = row["record"]
        }
        return SearchHit(incidentID: row["incident_id"], incidentTitle: row["incident_title"],
                         incidentStartedAt: try RowDecoding.requiredInstant(row, "started_at"),
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
