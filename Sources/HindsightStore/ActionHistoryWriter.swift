import GRDB
import HindsightCore

/// Appends records to the action history of one incident's actions, all stamped with one
/// instant and author. Callers run it inside the write transaction that makes the change, so a
/// change and its record are committed together or not at all.
struct ActionHistoryWriter {
    let db: Database
    let incidentID: String
    let at: Instant
    let actor: String

    /// Appends one record for action `actionID`.
    func append(actionID: String, field: String, from oldValue: String?, to newValue: String?, note: String?) throws {
        try BulkInsert(db, sql: """
            INSERT INTO action_history (incident_id, action_id, at, actor, field, old_value, new_value, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run { row in
                row.add(incidentID); row.add(actionID); row.add(at.databaseValue); row.add(actor)
                row.add(field); row.add(oldValue); row.add(newValue); row.add(note)
            }
    }
}
