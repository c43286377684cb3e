import GRDB

/// Deletes the action history of an incident that is being removed.
///
/// Why it is allowed: the history is append-only so that it outlives a `--replace` import that
/// rewrites an action's row, and a trigger of the migrations refuses every delete from it. An
/// incident removed on purpose takes its actions with it, and their history would then describe
/// actions that no longer exist; worse, it is kept by the incident's id, so an incident later
/// added under the same id would show it as its own actions' past (and `action add` of an action
/// with a removed one's id would inherit its records).
///
/// How: inside the caller's write transaction the trigger is dropped, the incident's records are
/// deleted, and the trigger is created again from the SQL it was stored with, as
/// ``SearchIndexDeferral`` does with the index's insert triggers. No other connection ever sees
/// the schema without it, and a failure rolls all of it back.
enum ActionHistoryErasure {
    /// The trigger of `0001_initial.sql` that refuses deletes from `action_history`.
    private static let trigger = "action_history_no_delete"

    /// Deletes every history record of incident `incidentID`'s actions and returns how many there
    /// were. Call inside the write transaction that removes the incident.
    static func erase(_ db: Database, incidentID: String) throws -> Int {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM action_history WHERE incident_id = ?",
                                     arguments: [incidentID]) ?? 0
        guard count > 0 else { return 0 }
        // A trigger missing from a damaged file stays missing, as in SearchIndexDeferral.
        let stored = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                         arguments: [trigger])
        if stored != nil { try db.execute(sql: "DROP TRIGGER \(trigger)") }
        try db.execute(sql: "DELETE FROM action_history WHERE incident_id = ?", arguments: [incidentID])
        if let stored { try db.execute(sql: stored) }
        return count
    }
}
