import GRDB
import HindsightCore

/// Writes incidents and their parts. Callers run it inside a write transaction.
enum IncidentWriter {
    /// Inserts a new incident with all its parts; returns its database key.
    @discardableResult
    static func insert(_ db: Database, _ incident: Incident) throws -> Int64 {
        try BulkInsert(db, sql: """
            INSERT INTO incident (id, title, severity, near_miss, detection, started_at, detected_at,
                                  mitigated_at, resolved_at, summary, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run { row in
                row.add(incident.id); row.add(incident.title); row.add(incident.severity?.rawValue)
                row.add(incident.nearMiss); row.add(incident.detection?.rawValue)
                row.add(incident.startedAt.databaseValue); row.add(incident.detectedAt?.databaseValue)
                row.add(incident.mitigatedAt?.databaseValue); row.add(incident.resolvedAt?.databaseValue)
                row.add(incident.summary); row.add(incident.source)
            }
        let pk = db.lastInsertedRowID
        try insertParts(db, incident, pk: pk)
        return pk
    }

    /// Replaces a stored incident's fields and all its parts.
    static func replace(_ db: Database, pk: Int64, with incident: Incident) throws {
        for table in ["incident_tag", "impact", "action", "factor", "timeline_event"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE incident_pk = ?", arguments: [pk])
        }
        var arguments = incidentArguments(incident)
        _ = arguments.append(contentsOf: [pk])
        try db.cachedStatement(sql: """
            UPDATE incident SET id = ?, title = ?, severity = ?, near_miss = ?, detection = ?, started_at = ?,
                   detected_at = ?, mitigated_at = ?, resolved_at = ?, summary = ?, source = ?
            WHERE pk = ?
            """).execute(arguments: arguments)
        try insertParts(db, incident, pk: pk)
    }

    /// Inserts one action of the incident with key `incidentPK` at `position`, with its stored
    /// due date derived from `incidentResolvedAt` when none is written, and the factors it
    /// addresses (`factorKeys` maps the incident's factor ids to their keys).
    static func insertAction(_ db: Database, _ action: RemediationAction, incidentPK: Int64, position: Int,
                             incidentResolvedAt: Instant?, factorKeys: [String: Int64]) throws {
        let effectiveDue = action.effectiveDue(incidentResolvedAt: incidentResolvedAt)
        try BulkInsert(db, sql: """
            INSERT INTO action (incident_pk, position, id, title, kind, owner, priority, due, effective_due, status,
                                completed_at, ticket)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run { row in
                row.add(incidentPK); row.add(position); row.add(action.id); row.add(action.title)
                row.add(action.kind.rawValue); row.add(action.owner); row.add(action.priority.rawValue)
                row.add(action.due?.description); row.add(effectiveDue?.description); row.add(action.status.rawValue)
                row.add(action.completedAt?.databaseValue); row.add(action.ticket)
            }
        let actionPK = db.lastInsertedRowID
        let addressInsert = try BulkInsert(db, sql: "INSERT INTO action_factor (action_pk, position, factor_pk) VALUES (?, ?, ?)")
        for (addressPosition, factorID) in action.addresses.enumerated() {
            if let factorPK = factorKeys[factorID] {
                try addressInsert.run { row in row.add(actionPK); row.add(addressPosition); row.add(factorPK) }
            }
        }
    }

    private static func incidentArguments(_ incident: Incident) -> StatementArguments {
        [incident.id, incident.title, incident.severity?.rawValue, incident.nearMiss ? 1 : 0,
         incident.detection?.rawValue, incident.startedAt.databaseValue, incident.detectedAt?.databaseValue,
         incident.mitigatedAt?.databaseValue, incident.resolvedAt?.databaseValue, incident.summary, incident.source]
    }

    private static func insertParts(_ db: Database, _ incident: Incident, pk: Int64) throws {
        let tagInsert = try BulkInsert(db, sql: "INSERT INTO incident_tag (incident_pk, position, tag) VALUES (?, ?, ?)")
        for (position, tag) in incident.tags.enumerated() {
            try tagInsert.run { row in row.add(pk); row.add(position); row.add(tag) }
        }
        let impactInsert = try BulkInsert(db, sql: """
            INSERT INTO impact (incident_pk, position, service_id, start_at, end_at, fraction, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, impact) in incident.impacts.enumerated() {
            try impactInsert.run { row in
                row.add(pk); row.add(position); row.add(impact.serviceID); row.add(impact.start.databaseValue)
                row.add(impact.end?.databaseValue); row.add(impact.fraction); row.add(impact.note)
            }
        }
        let factorInsert = try BulkInsert(db, sql: """
            INSERT INTO factor (incident_pk, position, id, title, cause, role, introduced_at, introduced_precision, description)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var factorKeys: [String: Int64] = [:]
        for (position, factor) in incident.factors.enumerated() {
            try factorInsert.run { row in
                row.add(pk); row.add(position); row.add(factor.id); row.add(factor.title); row.add(factor.cause)
                row.add(factor.role.rawValue); row.add(factor.introducedAt?.description)
                row.add(factor.introducedAt?.precision); row.add(factor.description)
            }
            factorKeys[factor.id] = db.lastInsertedRowID
        }
        for (position, action) in incident.actions.enumerated() {
            try insertAction(db, action, incidentPK: pk, position: position, incidentResolvedAt: incident.resolvedAt,
                             factorKeys: factorKeys)
        }
        let timelineInsert = try BulkInsert(db, sql: "INSERT INTO timeline_event (incident_pk, position, at, text) VALUES (?, ?, ?, ?)")
        for (position, event) in incident.timeline.enumerated() {
            try timelineInsert.run { row in
                row.add(pk); row.add(position); row.add(event.at.databaseValue); row.add(event.text)
            }
        }
    }
}
