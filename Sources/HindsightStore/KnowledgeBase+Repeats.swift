import GRDB
import HindsightCore

extension KnowledgeBase {
    /// Every factor of every incident as an occurrence for ``RepeatIndex``: what the rules about
    /// repeats over the whole history (repeat listings, actions that did not prevent a repeat)
    /// are computed from.
    public func factorOccurrences() throws -> [FactorOccurrence] {
        try queue.read { db in try Self.occurrences(db, where: "1", arguments: []) }
    }

    /// The repeats that involve incident `id`: the earlier factors its factors repeat, and the
    /// later factors that repeat its factors, each oldest first. Reads only the factors that
    /// share a service and a cause line with the incident. Nil when there is no such incident.
    public func repeatLinks(incident id: String) throws -> (repeated: [RepeatLink], repeatedBy: [RepeatLink])? {
        try queue.read { db in
            guard let pk = try IncidentReader.pk(db, id: id) else { return nil }
            let own = try Self.occurrences(db, where: "incident.pk = ?", arguments: [pk])
            let index = RepeatIndex(try Self.occurrences(db, near: own))
            return (own.flatMap(index.repeated(by:)), own.flatMap(index.repeats(of:)))
        }
    }

    /// The occurrences that can repeat, or be repeated by, one of `own`: a cause above or equal
    /// to one of theirs (they may repeat it), or below one of theirs (it may repeat them), on an
    /// incident that hit one of their services. `own` among them.
    static func occurrences(_ db: Database, near own: [FactorOccurrence]) throws -> [FactorOccurrence] {
        let services = Set(own.flatMap(\.services)).sorted()
        let causes = Set(own.map(\.cause)).sorted()
        guard !services.isEmpty, !causes.isEmpty else { return [] }
        let above = Set(causes.flatMap(RepeatIndex.pathAndAncestors)).sorted()
        var causeTests = ["factor.cause IN (\(placeholders(above.count)))"]
        var arguments = StatementArguments(above)
        for cause in causes {
            causeTests.append("(factor.cause > ? AND factor.cause < ?)")
            _ = arguments.append(contentsOf: [cause + "/", cause + "0"])
        }
        _ = arguments.append(contentsOf: StatementArguments(services))
        return try occurrences(db, where: """
            (\(causeTests.joined(separator: " OR ")))
            AND EXISTS (SELECT 1 FROM impact WHERE impact.incident_pk = incident.pk
                        AND impact.service_id IN (\(placeholders(services.count))))
            """, arguments: arguments)
    }

    /// The ids of the incidents with a factor that repeats a factor of an earlier incident.
    static func repeatingIncidentIDs(_ db: Database) throws -> Set<String> {
        let occurrences = try occurrences(db, where: "1", arguments: [])
        let index = RepeatIndex(occurrences)
        return Set(occurrences.filter(index.repeatsAny).map(\.incidentID))
    }

    /// The factors, with their incidents' starts and services, that satisfy `condition` (SQL over
    /// `factor` and `incident`).
    static func occurrences(_ db: Database, where condition: String,
                                    arguments: StatementArguments) throws -> [FactorOccurrence] {
        try Row.fetchAll(db, sql: """
            SELECT incident.id AS incident_id, factor.id AS factor_id, factor.cause, incident.started_at,
                   (SELECT group_concat(DISTINCT service_id) FROM impact
                     WHERE impact.incident_pk = incident.pk) AS services
            FROM factor JOIN incident ON incident.pk = factor.incident_pk
            WHERE \(condition)
            ORDER BY incident.started_at, incident.id, factor.position
            """, arguments: arguments).map { row in
            let services: String? = row["services"]
            return FactorOccurrence(incidentID: row["incident_id"], factorID: row["factor_id"], cause: row["cause"],
                                    incidentStartedAt: Instant(millisecondsSinceEpoch: row["started_at"]),
                                    services: services.map { $0.split(separator: ",").map(String.init) } ?? [])
        }
    }
}
