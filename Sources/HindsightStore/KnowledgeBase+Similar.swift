import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The incident with id `id` and the earlier incidents most similar to it, best first, at
    /// most `limit` (see ``SimilarityScorer``); nil when there is no such incident.
    ///
    /// Candidates are the earlier incidents that share a service, a tag or the first segment of
    /// a cause path with it, or a word of the titles (its own and its factors'); the scorer then
    /// gives each its points.
    public func similarIncidents(to id: String, limit: Int) throws -> (incident: IncidentProfile, similar: [SimilarIncident])? {
        try queue.read { db in
            guard let target = try Self.profile(db, id: id) else { return nil }
            let candidates = try Self.candidates(db, like: target)
            // Titles are read only for the candidates whose words the scorer compares: folding
            // text is the slow part, and most candidates are left behind on their causes alone.
            let similar = try SimilarityScorer.rank(target, among: candidates, limit: limit) { candidate in
                try Self.withTitles(db, candidate)
            }
            return (target, similar)
        }
    }

    /// The whole similarity profile of the incident with id `id`, or nil when there is none.
    private static func profile(_ db: Database, id: String) throws -> IncidentProfile? {
        let statement = try db.cachedStatement(sql: """
            SELECT incident.id, incident.title, incident.started_at,
                   (SELECT group_concat(service_id, char(31)) FROM impact WHERE impact.incident_pk = incident.pk) AS services,
                   (SELECT group_concat(tag, char(31)) FROM incident_tag WHERE incident_tag.incident_pk = incident.pk) AS tags,
                   (SELECT group_concat(cause, char(31)) FROM factor WHERE factor.incident_pk = incident.pk) AS causes,
                   (SELECT group_concat(title, char(31)) FROM factor WHERE factor.incident_pk = incident.pk) AS factor_titles
            FROM incident WHERE incident.id = ?
            """)
        return try Row.fetchOne(statement, arguments: [id]).map { row in
            IncidentProfile(id: row["id"], title: row["title"], startedAt: try RowDecoding.requiredInstant(row, "started_at"),
                            causes: RowDecoding.list(row, "causes"), services: RowDecoding.list(row, "services"),
                            tags: RowDecoding.list(row, "tags"), factorTitles: RowDecoding.list(row, "factor_titles"))
        }
    }

    /// `candidate` with its title and its factors' titles, the rest of it read already.
    private static func withTitles(_ db: Database, _ candidate: IncidentProfile) throws -> IncidentProfile {
        let statement = try db.cachedStatement(sql: """
            SELECT incident.title,
                   (SELECT group_concat(title, char(31)) FROM factor WHERE factor.incident_pk = incident.pk) AS factor_titles
            FROM incident WHERE incident.id = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [candidate.id]) else { return candidate }
        var whole = candidate
        whole.title = row["title"]
        whole.factorTitles = RowDecoding.list(row, "factor_titles")
        return whole
    }

    /// The incidents that started before `target` and share a service, a tag or the first
    /// segment of a cause path with it, or a word of its title and its factors' titles in theirs:
    /// their profiles without the titles (see ``SimilarityScorer/rank(_:among:limit:completing:)``).
    private static func candidates(_ db: Database, like target: IncidentProfile) throws -> [IncidentProfile] {
        // Any incident of a long history shares a service or a cause area with most of the others,
        // so the tables are read whole, each in one pass, rather than incident by incident: for the
        // latest of 100 000 incidents that is a few scans against some 400 000 index lookups.
        var earlier: [Int64: Int] = [:]
        var incidents: [(pk: Int64, id: String, startedAt: Instant, causes: [String], services: [String], tags: [String])] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT pk, id, started_at FROM incident WHERE started_at < ? ORDER BY pk",
                                       arguments: [target.startedAt.databaseValue])
        while let row = try rows.next() {
            earlier[row[0]] = incidents.count
            incidents.append((row[0], row[1], Instant(millisecondsSinceEpoch: row[2]), [], [], []))
        }
        func readEach(_ sql: String, into list: WritableKeyPath<(pk: Int64, id: String, startedAt: Instant, causes: [String],
                                                                 services: [String], tags: [String]), [String]>) throws {
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                guard let index = earlier[row[0]] else { continue }
                incidents[index][keyPath: list].append(row[1])
            }
        }
        try readEach("SELECT incident_pk, cause FROM factor", into: \.causes)
        try readEach("SELECT incident_pk, service_id FROM impact", into: \.services)
        try readEach("SELECT incident_pk, tag FROM incident_tag", into: \.tags)

        var matched: Set<Int64> = []
        if !target.words.isEmpty {
            // Every incident whose title or a factor's title holds one of the words: each earlier
            // one has points for it, so none may be cut off, as the best hundred matches of the
            // whole index did (later incidents, summaries and actions among them). The index
            // matches stems, so it finds at least the incidents that have the word itself. The
            // words are letters and digits only, so quoting each makes a valid FTS5 string.
            let anyWord = "{title} : (" + target.words.sorted().map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
            matched = Set(try Int64.fetchAll(db, sql: """
                SELECT incident_pk FROM search_index WHERE search_index MATCH ? AND kind IN ('incident', 'factor')
                """, arguments: [anyWord]))
        }
        let areas = Set(target.causes.map(Self.area(of:)))
        let services = Set(target.services)
        let tags = Set(target.tags)
        return incidents.compactMap { incident in
            guard matched.contains(incident.pk) || incident.causes.contains(where: { areas.contains(Self.area(of: $0)) })
                || incident.services.contains(where: services.contains) || incident.tags.contains(where: tags.contains)
            else { return nil }
            return IncidentProfile(id: incident.id, title: "", startedAt: incident.startedAt, causes: incident.causes,
                                   services: incident.services, tags: incident.tags, factorTitles: [])
        }
    }

    /// The first segment of the cause path `cause`: `cache` of `cache/key`.
    private static func area(of cause: String) -> Substring {
        cause[..<(cause.firstIndex(of: "/") ?? cause.endIndex)]
    }
}
