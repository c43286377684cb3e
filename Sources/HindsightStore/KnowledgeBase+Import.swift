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
        try importRecords(replace: replace, actor: actor, now: now) { add in
            for record in document.records { try add(record) }
            return DecodingFindings()
        }
    }

    /// Imports records as `feed` produces them, in one write transaction, so that an input far
    /// larger than memory can go in without being held whole: either all of them go in, or
    /// nothing changes.
    /// - Parameters:
    ///   - replace: overwrite stored records that differ instead of refusing them.
    ///   - actor: who is importing, for the action history.
    ///   - now: the instant recorded in the action history.
    ///   - feed: calls its argument with each valid record, in input order, and returns what it
    ///     found in the input itself (decoding); any problem rolls the whole import back.
    /// - Throws: ``InterchangeProblems``: the input's own problems and every rule its valid records
    ///   break together, in file order, so that one run lists everything to fix (a reference to a
    ///   service whose record was refused is not reported as unknown); nothing is written. GRDB's
    ///   `DatabaseError` on I/O failure, and what `feed` throws.
    public func importRecords(replace: Bool, actor: String, now: Instant,
                              feed: (_ add: (InterchangeRecord) throws -> Void) throws -> DecodingFindings)
        throws -> ImportSummary {
        // `write` opens an IMMEDIATE transaction: a concurrent writer waits for the lock up front
        // instead of failing halfway through. Throwing rolls everything back.
        try queue.write { db in
            // A long import rewrites the same index pages many times; a larger page cache keeps
            // them in memory until the commit instead of spilling them to the WAL again and again.
            let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
            let importer = try Importer(db: db, replace: replace, actor: actor, now: now)
            let input = try feed(importer.add)
            let summary = try importer.finish(after: input)
            let problems = importer.problems(after: input)
            if !problems.isEmpty { throw InterchangeProblems(problems) }
            return summary
        }
    }

    /// The page cache an import may use, in KiB. Measured at 100 000 incidents on two cores:
    /// 128 MiB gave 18.8 s and a 215 MB peak, 192 MiB 16.7 s and 288 MB, 256 MiB 17.0 s and
    /// 361 MB; the import must stay under 400 MB.
    static let importCacheKiB = 192 * 1024
}
