import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The SLAs of `serviceID`, by effective start ("always" first).
    public func slas(serviceID: String) throws -> [ServiceLevelAgreement] {
        try queue.read { db in try CatalogReader.slas(db, serviceID: serviceID).map(\.sla) }
    }

    /// Maintenance windows by service and start: those of `serviceIDs` (all when empty) that
    /// overlap `span` (all when nil).
    public func maintenanceWindows(serviceIDs: [String], overlapping span: InstantSpan?) throws -> [MaintenanceWindow] {
        try queue.read { db in
            try CatalogReader.maintenance(db).filter { window in
                (serviceIDs.isEmpty || serviceIDs.contains(window.serviceID))
                    && (span.map { InstantSpan(start: window.start, end: window.end).overlaps($0) } ?? true)
            }
        }
    }

    /// The maintenance window of `serviceID` from `start` to `end`, or nil.
    public func maintenanceWindow(serviceID: String, start: Instant, end: Instant) throws -> MaintenanceWindow? {
        try queue.read { db in try CatalogReader.maintenance(db, serviceID: serviceID, start: start, end: end) }
    }

    /// Changes one SLA of `serviceID` in one write transaction, checked as an import with
    /// `--replace` is: `change` is given the service's SLAs as stored when the transaction starts
    /// and returns the one to change and what it becomes. Concurrent changes therefore queue, and
    /// each builds on the one before instead of overwriting it with what it had read earlier.
    /// - Returns: the SLA as it was and as it is now; when the two are equal, nothing was written.
    /// - Throws: what `change` throws, and ``InterchangeProblems`` when the new SLA breaks a rule;
    ///   nothing is written then.
    public func changeSLA(serviceID: String, actor: String, now: Instant,
                          _ change: ([ServiceLevelAgreement]) throws -> (current: ServiceLevelAgreement, changed: ServiceLevelAgreement))
        throws -> (current: ServiceLevelAgreement, changed: ServiceLevelAgreement) {
        try queue.write { db in
            let result = try change(try CatalogReader.slas(db, serviceID: serviceID).map(\.sla))
            guard result.changed != result.current else { return result }
            let importer = try Importer(db: db, replace: true, actor: actor, now: now)
            try importer.add(.sla(Located(result.changed, at: SourceLocation(file: "command line", line: 1, column: 1))))
            _ = try importer.finish()
            let problems = importer.problems
            if !problems.isEmpty { throw InterchangeProblems(problems) }
            return result
        }
    }

    /// Deletes the maintenance window of `serviceID` from `start` to `end`.
    /// - Returns: whether there was one.
    public func removeMaintenance(serviceID: String, start: Instant, end: Instant) throws -> Bool {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM maintenance WHERE service_id = ? AND start_at = ? AND end_at = ?",
                           arguments: [serviceID, start.databaseValue, end.databaseValue])
            return db.changesCount > 0
        }
    }

    /// Replaces the maintenance window of `serviceID` from `start` to `end` with what `change`
    /// makes of it, in one transaction, checked as an import is. `change` is given the window as
    /// stored when the transaction starts, so a concurrent change to it (its note, say) is built
    /// on rather than overwritten, and a window removed meanwhile is reported missing.
    /// - Returns: the window as stored and as changed (the same when `change` kept every value,
    ///   and then nothing is written), or nil (and nothing changed) when there was no such window.
    /// - Throws: what `change` throws, ``InterchangeProblems`` when the new window breaks a rule,
    ///   and ``MaintenanceWindowTaken`` when it would take the start and end of another window of
    ///   the service; nothing is written then.
    public func replaceMaintenance(serviceID: String, start: Instant, end: Instant, actor: String, now: Instant,
                                   _ change: (MaintenanceWindow) throws -> MaintenanceWindow)
        throws -> (stored: MaintenanceWindow, changed: MaintenanceWindow)? {
        try queue.write { db in
            guard let stored = try CatalogReader.maintenance(db, serviceID: serviceID, start: start, end: end) else { return nil }
            let window = try change(stored)
            guard window != stored else { return (stored, window) }
            // The import this goes through would replace a window already at the new start and
            // end, so that moving one window onto another deleted the other (and its note).
            if (window.start, window.end) != (start, end),
               let occupant = try CatalogReader.maintenance(db, serviceID: serviceID, start: window.start, end: window.end) {
                throw MaintenanceWindowTaken(moved: stored, occupant: occupant)
            }
            try db.execute(sql: "DELETE FROM maintenance WHERE service_id = ? AND start_at = ? AND end_at = ?",
                           arguments: [serviceID, start.databaseValue, end.databaseValue])
            let importer = try Importer(db: db, replace: true, actor: actor, now: now)
            try importer.add(.maintenance(Located(window, at: SourceLocation(file: "command line", line: 1, column: 1))))
            _ = try importer.finish()
            let problems = importer.problems
            if !problems.isEmpty { throw InterchangeProblems(problems) }
            return (stored, window)
        }
    }
}
