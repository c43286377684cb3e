import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The incident with id `id` and the earlier incidents most similar to it, best first, at
    /// most `limit` (see ``SimilarityScorer``); nil when there is no such incident.
    ///
    /// Candidates are the earlier incidents that share a service, a tag or the first segment of
    /// a cause path with it, or are among the hundred best full-text matches for the words of its
    /// titles; the scorer then gives each its points.
    public func similarIncidents(to id: String, limit: Int) throws -> (incident: IncidentProfile, similar: [SimilarIncident])? {
        try queue.read { db in
            guard let target = try Self.profiles(db, where: "incident.id = ?", arguments: [id]).first else { return nil }
            var tests: [String] = []
            var arguments: StatementArguments = [target.startedAt.databaseValue]
            if !target.services.isEmpty {
                tests.append("EXISTS (SELECT 1 FROM impact WHERE impact.incident_pk = incident.pk AND impact.service_id IN (\(placeholders(target.services.count))))")
                _ = arguments.append(contentsOf: StatementArguments(target.services))
            }
            if !target.tags.isEmpty {
                tests.append("EXISTS (SELECT 1 FROM incident_tag WHERE incident_tag.incident_pk = incident.pk AND incident_tag.tag IN (\(placeholders(target.tags.count))))")
                _ = arguments.append(contentsOf: StatementArguments(target.tags))
            }
            for root in Set(target.causes.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted() {
                tests.append("EXISTS (SELECT 1 FROM factor WHERE factor.incident_pk = incident.pk AND (factor.cause = ? OR (factor.cause > ? AND factor.cause < ?)))")
                _ = arguments.append(contentsOf: [root, root + "/", root + "0"])
            }
            if !target.words.isEmpty {
                // The words are letters and digits only, so quoting each makes a valid FTS5 string.
                let anyWord = target.words.sorted().map { "\"\($0)\"" }.joined(separator: " OR ")
                tests.append("""
                    incident.pk IN (SELECT incident_pk FROM search_index WHERE search_index MATCH ?
                                    ORDER BY bm25(search_index, \(Self.titleWeight), 1.0) LIMIT 100)
                    """)
                _ = arguments.append(contentsOf: [anyWord])
            }
            guard !tests.isEmpty else { return (target, []) }
            let candidates = try Self.profiles(db, where: "incident.started_at < ? AND (\(tests.joined(separator: " OR ")))",
                                               arguments: arguments)
            return (target, SimilarityScorer.rank(target, among: candidates, limit: limit))
        }
    }

    /// The similarity profiles of the incidents that satisfy `condition` (SQL over `incident`).
    private static func profiles(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [IncidentProfile] {
        try Row.fetchAll(db, sql: """
            SELECT incident.id, incident.title, incident.started_at,
                   (SELECT group_concat(service_id, char(31)) FROM impact WHERE impact.incident_pk = incident.pk) AS services,
                   (SELECT group_concat(tag, char(31)) FROM incident_tag WHERE incident_tag.incident_pk = incident.pk) AS tags,
                   (SELECT group_concat(cause, char(31)) FROM factor WHERE factor.incident_pk = incident.pk) AS causes,
                   (SELECT group_concat(title, char(31)) FROM factor WHERE factor.incident_pk = incident.pk) AS factor_titles
            FROM incident WHERE \(condition)
            """, arguments: arguments).map { row in
            IncidentProfile(id: row["id"], title: row["title"], startedAt: try RowDecoding.requiredInstant(row, "started_at"),
                            causes: RowDecoding.list(row, "causes"), services: RowDecoding.list(row, "services"),
                            tags: RowDecoding.list(row, "tags"), factorTitles: RowDecoding.list(row, "factor_titles"))
        }
    }
}
