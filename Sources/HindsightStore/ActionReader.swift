import GRDB
import HindsightCore

/// Reads actions with what their follow-through depends on: the incident's start, resolution
/// and teams, the factors addressed, and the creation record in the history.
enum ActionReader {
    /// SQL for the sequence number of the latest creation record in the history of the action
    /// in `action`, of the incident in `incident`: `created` by an import, or
    /// ``TrackedAction/addedField`` by `action add`.
    static let latestCreationRecord = """
        (SELECT max(seq) FROM action_history AS h
         WHERE h.incident_id = incident.id AND h.action_id = action.id AND h.field IN ('created', '\(TrackedAction.addedField)'))
        """

    /// SQL for when the action in `action`, of the incident in `incident`, was created, as an
    /// instant in the database's form: the rule of
    /// ``TrackedAction/creationInstant(creationField:creationAt:incidentStartedAt:)``, for the
    /// queries that decide in SQL whether an action existed by some instant.
    static let creationInstant = """
        coalesce((SELECT creation.at FROM action_history AS creation
                  WHERE creation.seq = \(latestCreationRecord) AND creation.field = '\(TrackedAction.addedField)'),
                 incident.started_at)
        """

    /// SQL for the teams of the services the incident in `incident` hit, as a subquery of one
    /// column (`? IN` it): the teams ``tracked(_:where:arguments:)`` gives an action, which
    /// `followup --by team` groups by, for the queries that pick actions or gaps by team in SQL.
    /// A team an older version stored as empty text is none (`<> ''` also passes over NULL).
    static let incidentTeams = """
        (SELECT service.team FROM impact JOIN service ON service.id = impact.service_id
         WHERE impact.incident_pk = incident.pk AND service.team <> '')
        """

    /// The tracked actions that satisfy `condition` (SQL over `action` and `incident`), by incident
    /// start, incident id and action position.
    static func tracked(_ db: Database, where condition: String = "1",
                        arguments: StatementArguments = []) throws -> [TrackedAction] {
        // The teams come from a map of the few services rather than a distinct, sorted join per
        // row: that subquery was 40 % of the reading of 54 000 overdue actions. TrackedAction
        // sorts them and drops repeats. A team stored as empty text is none, as in `incidentTeams`.
        let teamOf = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, team FROM service WHERE team <> ''").map { ($0["id"] as String, $0["team"] as String) },
            uniquingKeysWith: { first, _ in first })
        // Through a cursor: its rows find columns by name in a dictionary, where copied rows
        // compare every column name in lower case at each lookup, a tenth of a report at 10 000 incidents.
        return try Array(Row.fetchCursor(db, sql: """
            SELECT action.*, incident.id AS incident_id, incident.started_at AS incident_started_at,
                   incident.resolved_at AS incident_resolved_at,
                   (SELECT group_concat(impact.service_id, char(31)) FROM impact
                    WHERE impact.incident_pk = incident.pk) AS service_ids,
                   (SELECT group_concat(id, char(31)) FROM (
                        SELECT factor.id FROM action_factor JOIN factor ON factor.pk = action_factor.factor_pk
                        WHERE action_factor.action_pk = action.pk ORDER BY action_factor.position)) AS addresses,
                   creation.field AS creation_field, creation.at AS creation_at
            FROM action
            JOIN incident ON incident.pk = action.incident_pk
            LEFT JOIN action_history AS creation ON creation.seq = \(latestCreationRecord)
            WHERE \(condition)
            ORDER BY incident.started_at, incident.id, action.position
            """, arguments: arguments).map { row in
            let startedAt = try RowDecoding.requiredInstant(row, "incident_started_at")
            return TrackedAction(
                incidentID: row["incident_id"],
                action: try IncidentReader.action(row, addresses: RowDecoding.list(row, "addresses")),
                incidentStartedAt: startedAt, incidentResolvedAt: RowDecoding.instant(row, "incident_resolved_at"),
                createdAt: TrackedAction.creationInstant(creationField: row["creation_field"],
                                                         creationAt: RowDecoding.instant(row, "creation_at"),
                                                         incidentStartedAt: startedAt),
                teams: RowDecoding.list(row, "service_ids").compactMap { teamOf[$0] })
        })
    }

    /// The actions that address a factor and satisfy `condition` (SQL over `action` and
    /// `incident`; every one by default), with their incidents' ids and only the fields the rule
    /// of actions that did not prevent a repeat reads (no history, no teams).
    static func addressing(_ db: Database, where condition: String = "1",
                           arguments: StatementArguments = []) throws -> [(incidentID: String, action: RemediationAction)] {
        // Through a cursor, as in `tracked`.
        try Array(Row.fetchCursor(db, sql: """
            SELECT incident.id AS incident_id, action.*, group_concat(factor.id, char(31)) AS addresses
            FROM action_factor
            JOIN action ON action.pk = action_factor.action_pk
            JOIN factor ON factor.pk = action_factor.factor_pk
            JOIN incident ON incident.pk = action.incident_pk
            WHERE \(condition)
            GROUP BY action.pk
            """, arguments: arguments).map { row in
            (row["incident_id"], try IncidentReader.action(row, addresses: RowDecoding.list(row, "addresses")))
        })
    }

    /// The action `reference`, or nil.
    static func tracked(_ db: Database, _ reference: ActionReference) throws -> TrackedAction? {
        try tracked(db, where: "incident.id = ? AND action.id = ?",
                    arguments: [reference.incidentID, reference.actionID]).first
    }

    /// The history of action `reference`, oldest first.
    static func history(_ db: Database, _ reference: ActionReference) throws -> [ActionHistoryEntry] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM action_history WHERE incident_id = ? AND action_id = ? ORDER BY seq
            """, arguments: [reference.incidentID, reference.actionID]).map { row in
            ActionHistoryEntry(sequence: row["seq"], at: try RowDecoding.requiredInstant(row, "at"), actor: row["actor"],
                               field: row["field"], oldValue: row["old_value"], newValue: row["new_value"], note: row["note"])
        }
    }
}
