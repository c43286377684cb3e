import GRDB
import HindsightCore

extension KnowledgeBase {
    /// Removes incident `id` with everything that belongs to it, in one write transaction: its
    /// tags, impacts, factors, actions (with the factors they address), timeline, its rows of the
    /// full-text index, and its actions' history (see ``ActionHistoryErasure`` for why the history
    /// goes too). Reports, listings and search then read as if it had never been imported, and an
    /// incident added later under the same id starts with no history.
    /// - Returns: what was removed, or nil (and nothing changed) when no incident has that id.
    public func removeIncident(id: String) throws -> IncidentRemoval? {
        try queue.write { db in
            guard let pk = try IncidentReader.pk(db, id: id) else { return nil }
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE incident_pk = ?", arguments: [pk]) ?? 0
            }
            let impacts = try count("impact"), factors = try count("factor"), actions = try count("action")
            let timelineEvents = try count("timeline_event")
            let historyRecords = try ActionHistoryErasure.erase(db, incidentID: id)
            // The parts go by ON DELETE CASCADE, and each part's index row with it by its delete
            // trigger (SQLite runs the triggers of rows a cascade deletes); the incident's own
            // index row goes by the incident's delete trigger.
            try db.execute(sql: "DELETE FROM incident WHERE pk = ?", arguments: [pk])
            return IncidentRemoval(id: id, impacts: impacts, factors: factors, actions: actions,
                                   historyRecords: historyRecords, timelineEvents: timelineEvents)
        }
    }

    /// Removes one SLA of `serviceID`, with its credit tiers, in one write transaction: `pick` is
    /// given the service's SLAs as stored when the transaction starts (by first day, "always"
    /// first; possibly none) and returns the one to remove, so that a concurrent change or removal
    /// is seen rather than acted on from an earlier read.
    /// - Returns: the SLA removed, or nil (and nothing changed) when `pick` returned an SLA that
    ///   is not one of those it was given.
    /// - Throws: what `pick` throws; nothing is written then.
    public func removeSLA(serviceID: String, _ pick: ([ServiceLevelAgreement]) throws -> ServiceLevelAgreement)
        throws -> ServiceLevelAgreement? {
        try queue.write { db in
            let stored = try CatalogReader.slas(db, serviceID: serviceID)
            let chosen = try pick(stored.map(\.sla))
            guard let pk = stored.first(where: { $0.sla == chosen })?.pk else { return nil }
            // The credit tiers go by ON DELETE CASCADE.
            try db.execute(sql: "DELETE FROM sla WHERE pk = ?", arguments: [pk])
            return chosen
        }
    }
}
