import GRDB
import HindsightCore

extension KnowledgeBase {
    /// Imports decoded interchange records in one write transaction: either all of them go in, or
    /// nothing changes.
    /// - Parameters:
    ///   - document: the records of every file of the run, merged in order.
    ///   - replace: overwrite stored records that differ instead of refusing them.
    ///   - actor: who is importing, for the action history.
    ///   - now: the instant recorded in the action history.
    /// - Throws: ``InterchangeProblems`` naming every rule the records break (nothing is written);
    ///   GRDB's `DatabaseError` on I/O failure.
    public func importRecords(_ document: InterchangeDocument, replace: Bool, actor: String, now: Instant) throws -> ImportSummary {
        // `write` opens an IMMEDIATE transaction: a concurrent writer waits for the lock up front
        // instead of failing halfway through. Throwing rolls everything back.
        try queue.write { db in
            let importer = Importer(db: db, replace: replace, actor: actor, now: now)
            let summary = try importer.run(document)
            if !importer.problems.isEmpty { throw InterchangeProblems(importer.problems) }
            return summary
        }
    }
}
