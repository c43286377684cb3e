import GRDB
import HindsightCore

/// Writes incidents and their parts. Callers run it inside a write transaction.
enum IncidentWriter {
    /// Inserts a new incident with all its parts; returns its database key.
    @discardableResult
    static func insert(_ db: Database, _ incident: Incident) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO incident (id, title, severity, near_miss, detection, started_at, detected_at,
                                  mitigated_at, resolved_at, summary, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: incidentArguments(incident))
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
        try db.cachedStatement(sql: """
            INSERT INTO action (incident_pk, position, id, title, kind, owner, priority, due, effective_due, status,
                                completed_at, ticket)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                incidentPK, position, action.id, action.title, action.kind.rawValue, action.owner, action.priority.rawValue,
                action.due?.description, effectiveDue?.description, action.status.rawValue,
                action.completedAt?.databaseValue, action.ticket,
            ])
        let actionPK = db.lastInsertedRowID
        let addressStatement = try db.cachedStatement(sql: "INSERT INTO action_factor (action_pk, position, factor_pk) VALUES (?, ?, ?)")
        for (addressPosition, factorID) in action.addresses.enumerated() {
            if let factorPK = factorKeys[factorID] {
                try addressStatement.execute(arguments: [actionPK, addressPosition, factorPK])
            }
        }
    }

    private static func incidentArguments(_ incident: Incident) -> StatementArguments {
        [incident.id, incident.title, incident.severity?.rawValue, incident.nearMiss ? 1 : 0,
         incident.detection?.rawValue, incident.startedAt.databaseValue, incident.detectedAt?.databaseValue,
         incident.mitigatedAt?.databaseValue, incident.resolvedAt?.databaseValue, incident.summary, incident.source]
    }

    private static func insertParts(_ db: Database, _ incident: Incident, pk: Int64) throws {
        let tagStatement = try db.cachedStatement(sql: "INSERT INTO incident_tag (incident_pk, position, tag) VALUES (?, ?, ?)")
        for (position, tag) in incident.tags.enumerated() {
            try tagStatement.execute(arguments: [pk, position, tag])
        }
        let impactStatement = try db.cachedStatement(sql: """
            INSERT INTO impact (incident_pk, position, service_id, start_at, end_at, fraction, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, impact) in incident.impacts.enumerated() {
            try impactStatement.execute(arguments: [pk, position, impact.serviceID, impact.start.databaseValue,
                                                    impact.end?.databaseValue, impact.fraction, impact.note])
        }
        let factorStatement = try db.cachedStatement(sql: """
            INSERT INTO factor (incident_pk, position, id, title, cause, role, introduced_at, introduced_precision, description)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var factorKeys: [String: Int64] = [:]
        for (position, factor) in incident.factors.enumerated() {
            try factorStatement.execute(arguments: [pk, position, factor.id, factor.title, factor.cause, factor.role.rawValue,
                                                    factor.introducedAt?.description, factor.introducedAt?.precision,
                                                    factor.description])
            factorKeys[factor.id] = db.lastInsertedRowID
        }
        for (position, action) in incident.actions.enumerated() {
            try insertAction(db, action, incidentPK: pk, position: position, incidentResolvedAt: incident.resolvedAt,
                             factorKeys: factorKeys)
        }
        let timelineStatement = try db.cachedStatement(sql: "INSERT INTO timeline_event (incident_pk, position, at, text) VALUES (?, ?, ?, ?)")
        for (position, event) in incident.timeline.enumerated() {
            try timelineStatement.execute(arguments: [pk, position, event.at.databaseValue, event.text])
        }
    }
}
