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
    ///
    /// One pass over the factors in start order (``RepeatScan``): no occurrence is kept once it
    /// has been looked at, so the memory follows the number of services and causes, not of factors.
    static func repeatingIncidentIDs(_ db: Database) throws -> Set<String> {
        var scan = RepeatScan()
        var repeating = Set<String>()
        try forEachOccurrence(db, where: "1", arguments: []) { occurrence in
            if scan.repeatsEarlier(occurrence) { repeating.insert(occurrence.incidentID) }
        }
        return repeating
    }

    /// The factors, with their incidents' starts and services, that satisfy `condition` (SQL over
    /// `factor` and `incident`), by incident start, incident id and factor position.
    ///
    /// One pass over factor rows joined with their incidents' impacts: the rows of one factor come
    /// together (one per impact, or one with no service for a near miss), so they are gathered as
    /// they arrive instead of asking for each factor's services in a subquery of its own.
    static func occurrences(_ db: Database, where condition: String,
                            arguments: StatementArguments) throws -> [FactorOccurrence] {
        var result: [FactorOccurrence] = []
        try forEachOccurrence(db, where: condition, arguments: arguments) { result.append($0) }
        return result
    }

    /// Hands `body` the factors that ``occurrences(_:where:arguments:)`` would return, in the
    /// same order, one at a time as they are read.
    static func forEachOccurrence(_ db: Database, where condition: String, arguments: StatementArguments,
                                  _ body: (FactorOccurrence) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT factor.pk, incident.id, factor.id, factor.cause, incident.started_at, impact.service_id
            FROM factor JOIN incident ON incident.pk = factor.incident_pk
            LEFT JOIN impact ON impact.incident_pk = incident.pk
            WHERE \(condition)
            ORDER BY incident.started_at, incident.id, factor.position
            """, arguments: arguments)
        var current: (pk: Int64, incidentID: String, factorID: String, cause: String, startedAt: Int64, services: [String])?
        func finish() throws {
            guard let current else { return }
            try body(FactorOccurrence(incidentID: current.incidentID, factorID: current.factorID, cause: current.cause,
                                      incidentStartedAt: Instant(millisecondsSinceEpoch: current.startedAt),
                                      services: current.services))
        }
        // Columns by position: the names are fixed above, and looking them up by name per row
        // costs more than reading them.
        while let row = try rows.next() {
            let pk: Int64 = row[0]
            let service: String? = row[5]
            if current?.pk == pk {
                if let service { current?.services.append(service) }
                continue
            }
            try finish()
            current = (pk, row[1], row[2], row[3], row[4], service.map { [$0] } ?? [])
        }
        try finish()
    }
}
