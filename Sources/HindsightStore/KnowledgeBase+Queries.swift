import GRDB
import HindsightCore

extension KnowledgeBase {
    /// Every record of the knowledge base in the interchange format's structure, handed to `body`
    /// one at a time, all read in one transaction: services by id, SLAs by service and start,
    /// maintenance by service and start, incidents by start and id.
    ///
    /// Why one at a time: a history of 100 000 incidents held whole, and then as the YAML
    /// emitter's tree, took some 17 GB; read record by record it is written in a few megabytes.
    public func exportRecords(_ body: (InterchangeSection, StructuredValue) throws -> Void) throws {
        try queue.read { db in
            for service in try CatalogReader.services(db) { try body(.services, InterchangeEncoder.encode(service)) }
            for sla in try CatalogReader.slas(db) { try body(.slas, InterchangeEncoder.encode(sla.sla)) }
            for window in try CatalogReader.maintenance(db) { try body(.maintenance, InterchangeEncoder.encode(window)) }
            for pk in try Int64.fetchAll(db, sql: "SELECT pk FROM incident ORDER BY started_at, id") {
                guard let incident = try IncidentReader.load(db, pk: pk) else { continue }
                try body(.incidents, InterchangeEncoder.encode(incident))
            }
        }
    }

    /// The incident with id `id`, with all its parts, or nil.
    public func incident(id: String) throws -> Incident? {
        try queue.read { db in
            try IncidentReader.pk(db, id: id).flatMap { try IncidentReader.load(db, pk: $0) }
        }
    }

    /// Whether a service with id `id` exists.
    public func serviceExists(_ id: String) throws -> Bool {
        try queue.read { db in try CatalogReader.service(db, id: id) != nil }
    }

    /// The distinct teams the services name, sorted: the teams an action can belong to. A team
    /// an older version stored as empty text names none and is not among them.
    public func serviceTeams() throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT team FROM service WHERE team <> '' ORDER BY team")
        }
    }

    /// Every service with its SLAs and incident count, by id.
    public func serviceOverviews() throws -> [ServiceOverview] {
        try queue.read { db in
            let slas = try CatalogReader.slas(db).map(\.sla)
            let counts = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT service_id, count(DISTINCT incident_pk) AS n FROM impact GROUP BY service_id
                """).map { ($0["service_id"] as String, $0["n"] as Int) })
            return try CatalogReader.services(db).map { service in
                ServiceOverview(service: service, slas: slas.filter { $0.serviceID == service.id },
                                incidentCount: counts[service.id] ?? 0)
            }
        }
    }

    /// The incidents that pass `filter`, by start and id.
    public func incidentSummaries(matching filter: IncidentFilter) throws -> [IncidentSummary] {
        let (condition, arguments) = filter.sqlCondition()
        let sql = """
            SELECT incident.pk, incident.id, incident.title, incident.severity, incident.near_miss, incident.started_at,
                   incident.mitigated_at, incident.resolved_at,
                   (SELECT group_concat(service_id, char(31)) FROM (SELECT DISTINCT service_id FROM impact
                        WHERE impact.incident_pk = incident.pk ORDER BY service_id)) AS services,
                   (SELECT group_concat(cause, char(31)) FROM (SELECT DISTINCT cause FROM factor
                        WHERE factor.incident_pk = incident.pk ORDER BY cause)) AS causes,
                   (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM incident_tag
                        WHERE incident_tag.incident_pk = incident.pk ORDER BY position)) AS tags
            FROM incident WHERE \(condition)
            ORDER BY incident.started_at, incident.id
            """
        return try queue.read { db in
            let repeating = filter.repeatsOnly ? try Self.repeatingIncidentIDs(db) : nil
            // Through a cursor: its rows find columns by name in a dictionary (see ActionReader).
            return try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).compactMap { row in
                if let repeating, !repeating.contains(row["id"] as String) { return nil }
                return IncidentSummary(
                    id: row["id"], title: row["title"], severity: try RowDecoding.keyword(row, "severity", Severity.self),
                    nearMiss: row["near_miss"] as Int64 != 0, startedAt: try RowDecoding.requiredInstant(row, "started_at"),
                    mitigatedAt: RowDecoding.instant(row, "mitigated_at"), resolvedAt: RowDecoding.instant(row, "resolved_at"),
                    services: RowDecoding.list(row, "services"), causes: RowDecoding.list(row, "causes"),
                    tags: RowDecoding.list(row, "tags"))
            })
        }
    }

    /// How many records of each kind are stored.
    public func counts() throws -> KnowledgeBaseCounts {
        try queue.read { db in
            var counts = KnowledgeBaseCounts()
            counts.services = try Int.fetchOne(db, sql: "SELECT count(*) FROM service") ?? 0
            counts.slas = try Int.fetchOne(db, sql: "SELECT count(*) FROM sla") ?? 0
            counts.maintenance = try Int.fetchOne(db, sql: "SELECT count(*) FROM maintenance") ?? 0
            counts.incidents = try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0
            counts.factors = try Int.fetchOne(db, sql: "SELECT count(*) FROM factor") ?? 0
            counts.actions = try Int.fetchOne(db, sql: "SELECT count(*) FROM action") ?? 0
            counts.openActions = try Int.fetchOne(db, sql: "SELECT count(*) FROM action WHERE status IN ('open', 'in-progress')") ?? 0
            return counts
        }
    }
}
