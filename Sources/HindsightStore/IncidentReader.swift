import GRDB
import HindsightCore

/// Loads whole incidents, with every part, from the database.
enum IncidentReader {
    /// The incident with database key `pk`, or nil.
    static func load(_ db: Database, pk: Int64) throws -> Incident? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM incident WHERE pk = ?"), arguments: [pk])
        else { return nil }
        let tags = try String.fetchAll(
            db.cachedStatement(sql: "SELECT tag FROM incident_tag WHERE incident_pk = ? ORDER BY position"), arguments: [pk])
        let impacts = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM impact WHERE incident_pk = ? ORDER BY position"), arguments: [pk]
        ).map { impactRow in
            Impact(serviceID: impactRow["service_id"], start: try RowDecoding.requiredInstant(impactRow, "start_at"),
                   end: RowDecoding.instant(impactRow, "end_at"), fraction: impactRow["fraction"], note: impactRow["note"])
        }
        var factorIDs: [Int64: String] = [:]
        let factors = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM factor WHERE incident_pk = ? ORDER BY position"), arguments: [pk]
        ).map { factorRow in
            factorIDs[factorRow["pk"]] = factorRow["id"]
            return try factor(factorRow)
        }
        let actions = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM action WHERE incident_pk = ? ORDER BY position"), arguments: [pk]
        ).map { actionRow in
            let addressed = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT factor_pk FROM action_factor WHERE action_pk = ? ORDER BY position"),
                arguments: [actionRow["pk"] as Int64])
            return try action(actionRow, addresses: addressed.compactMap { factorIDs[$0] })
        }
        let timeline = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT at, text FROM timeline_event WHERE incident_pk = ? ORDER BY position"),
            arguments: [pk]
        ).map { TimelineEvent(at: try RowDecoding.requiredInstant($0, "at"), text: $0["text"]) }
        return Incident(
            id: row["id"], title: row["title"], severity: try RowDecoding.keyword(row, "severity", Severity.self),
            nearMiss: row["near_miss"] as Int64 != 0,
            detection: try RowDecoding.keyword(row, "detection", DetectionSource.self),
            startedAt: try RowDecoding.requiredInstant(row, "started_at"), detectedAt: RowDecoding.instant(row, "detected_at"),
            mitigatedAt: RowDecoding.instant(row, "mitigated_at"), resolvedAt: RowDecoding.instant(row, "resolved_at"),
            summary: row["summary"], source: row["source"], tags: tags, impacts: impacts, factors: factors,
            actions: actions, timeline: timeline)
    }

    /// The factor stored in `row` (a row of `factor`).
    static func factor(_ row: Row) throws -> Factor {
        Factor(id: row["id"], title: row["title"], cause: row["cause"],
               role: try RowDecoding.keyword(row, "role", FactorRole.self) ?? .contributing,
               introducedAt: try RowDecoding.fuzzyDate(row, "introduced_at"), description: row["description"])
    }

    /// The action stored in `row` (a row of `action`), addressing the factors `addresses`.
    static func action(_ row: Row, addresses: [String]) throws -> RemediationAction {
        RemediationAction(
            id: row["id"], title: row["title"],
            kind: try RowDecoding.keyword(row, "kind", ActionKind.self) ?? .investigate,
            addresses: addresses, owner: RowDecoding.nameOrNone(row, "owner"),
            priority: try RowDecoding.keyword(row, "priority", ActionPriority.self) ?? .medium,
            due: try RowDecoding.date(row, "due"),
            status: try RowDecoding.keyword(row, "status", ActionStatus.self) ?? .open,
            completedAt: RowDecoding.instant(row, "completed_at"), ticket: RowDecoding.nameOrNone(row, "ticket"))
    }

    /// The database key of the incident with id `id`, or nil.
    static func pk(_ db: Database, id: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT pk FROM incident WHERE id = ?"), arguments: [id])
    }
}
