import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The cause taxonomy of the incidents that `filter` selects (its services, days and causes),
    /// as of `asOf`.
    ///
    /// The period runs from the start of `filter.since` (else the first recorded impact) to the
    /// end of `filter.until` (else `asOf`), both UTC days. An incident belongs to it when it
    /// started in it or had an impact inside it, the latter being the incidents the report for
    /// the same period lists. Downtime is the report's: each service's weighted downtime in the
    /// period, maintenance excluded, shared among the incidents at the top level and split
    /// equally among each incident's cause paths (``CauseShare``), so the nodes agree with
    /// `report --from SINCE --to UNTIL --tz UTC`. With `filter.services`, only those services'
    /// downtime and the incidents that hit them count; with `filter.causes`, the result is the
    /// nodes at those paths (each with its subtree, none twice; see ``CauseTaxonomy/nodes(at:in:)``),
    /// or empty when no incident files anything at any of them.
    public func causeTaxonomy(filter: IncidentFilter, asOf: Instant) throws -> [CauseNode] {
        try queue.read { db in
            let known = try String.fetchAll(db, sql: "SELECT id FROM service ORDER BY id")
            if let unknown = filter.services.first(where: { !known.contains($0) }) { throw ReportError.unknownService(unknown) }
            let services = filter.services.isEmpty ? known : filter.services
            let firstImpact = try Int64.fetchOne(db, sql: "SELECT min(start_at) FROM impact") ?? asOf.databaseValue
            let span = InstantSpan(
                start: filter.since?.startInstantUTC ?? Instant(millisecondsSinceEpoch: firstImpact),
                end: filter.until?.adding(days: 1).startInstantUTC ?? asOf)

            // Keyed by database key, as the readers below give them (no use for the ids here).
            var downtimeByIncident: [String: ExactSeconds] = [:]
            for service in services {
                let evaluated = span.cut(at: asOf)
                let impacts = try HistoryReader.impacts(db, serviceID: service, span: evaluated, keyedByDatabaseKey: true)
                let maintenance = try HistoryReader.maintenance(db, serviceID: service, span: evaluated)
                let profile = DowntimeCalculator.profile(over: span, impacts: impacts, maintenance: maintenance,
                                                         policy: .weighted, asOf: asOf)
                for (id, downtime) in profile.downtimeByIncident { downtimeByIncident[id, default: .zero] += downtime }
            }

            var started = filter
            started.causes = []
            started.repeatsOnly = false
            let (condition, conditionArguments) = started.sqlCondition()
            var arguments = conditionArguments
            let hitServices = filter.services.isEmpty ? "" : "AND impact.service_id IN (\(placeholders(filter.services.count)))"
            _ = arguments.append(contentsOf: [span.end.databaseValue, asOf.databaseValue, span.start.databaseValue])
            _ = arguments.append(contentsOf: StatementArguments(filter.services))
            // Without a filter every incident belongs; with one, the two ways of belonging are
            // two index-friendly lookups rather than a test of every incident.
            let belongs = condition == "1" ? "1" : """
                incident.pk IN (SELECT incident.pk FROM incident WHERE \(condition)
                                UNION SELECT impact.incident_pk FROM impact WHERE impact.start_at < ?
                                      AND coalesce(impact.end_at, ?) > ? \(hitServices))
                """
            var taxonomy = CauseTaxonomy()
            try HistoryReader.forEachCauseFacts(db, where: belongs, arguments: condition == "1" ? [] : arguments) { incident in
                taxonomy.add(incident, downtime: downtimeByIncident[incident.id] ?? .zero)
            }
            let roots = taxonomy.roots
            return filter.causes.isEmpty ? roots : CauseTaxonomy.nodes(at: filter.causes, in: roots)
        }
    }
}
