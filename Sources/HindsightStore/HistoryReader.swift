import GRDB
import HindsightCore

/// Loads what the SLA arithmetic needs, reading only rows near the stretch of time asked for:
/// the impact and incident indexes bound every query by time.
enum HistoryReader {
    /// The SLAs, impacts and maintenance of `serviceID` that overlap `span`.
    static func history(_ db: Database, serviceID: String, slas: [ServiceLevelAgreement], span: InstantSpan) throws -> ServiceHistory {
        ServiceHistory(serviceID: serviceID, slas: slas, impacts: try impacts(db, serviceID: serviceID, span: span),
                       maintenance: try maintenance(db, serviceID: serviceID, span: span))
    }

    /// Impacts of `serviceID` that overlap `span`, ongoing ones included.
    ///
    /// With `keyedByDatabaseKey`, each interval's `incidentID` is its incident's database key in
    /// decimal rather than its id: a reader that needs only to tell incidents apart saves a
    /// lookup of the incident row per impact, and the keys are short strings Swift stores inline.
    static func impacts(_ db: Database, serviceID: String, span: InstantSpan,
                        keyedByDatabaseKey: Bool = false) throws -> [DowntimeInterval] {
        guard !span.isEmpty else { return [] }
        // An impact that overlaps the span started at most `longest` before it; the index on
        // (service_id, end_at - start_at) gives that length in one step.
        let longest = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(end_at - start_at) FROM impact WHERE service_id = ?"),
            arguments: [serviceID]) ?? 0
        let (incident, join) = keyedByDatabaseKey ? ("impact.incident_pk", "")
            : ("incident.id", "JOIN incident ON incident.pk = impact.incident_pk")
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(incident), impact.start_at, impact.end_at, impact.fraction
            FROM impact \(join)
            WHERE impact.service_id = ? AND impact.start_at >= ? AND impact.start_at < ? AND impact.end_at > ?
            UNION ALL
            SELECT \(incident), impact.start_at, impact.end_at, impact.fraction
            FROM impact \(join)
            WHERE impact.service_id = ? AND impact.end_at IS NULL AND impact.start_at < ?
            """), arguments: [serviceID, span.start.databaseValue - longest, span.end.databaseValue, span.start.databaseValue,
                              serviceID, span.end.databaseValue])
        // Columns by position and rows through a cursor: over a whole history (the cause
        // taxonomy) this reader sees every impact, and lookups by name and copied rows add up.
        var intervals: [DowntimeInterval] = []
        while let row = try rows.next() {
            let start: Int64 = row[1]
            let end: Int64? = row[2]
            intervals.append(DowntimeInterval(start: Instant(millisecondsSinceEpoch: start), end: end.map(Instant.init(millisecondsSinceEpoch:)),
                                              fraction: row[3],
                                              incidentID: keyedByDatabaseKey ? String(row[0] as Int64) : row[0]))
        }
        return intervals
    }

    /// Maintenance windows of `serviceID` that overlap `span`.
    static func maintenance(_ db: Database, serviceID: String, span: InstantSpan) throws -> [InstantSpan] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT start_at, end_at FROM maintenance WHERE service_id = ? AND start_at < ? AND end_at > ?
            """), arguments: [serviceID, span.end.databaseValue, span.start.databaseValue]).map { row in
            InstantSpan(start: try RowDecoding.requiredInstant(row, "start_at"), end: try RowDecoding.requiredInstant(row, "end_at"))
        }
    }

    /// The report facts of the incidents with these ids (unknown ids are skipped).
    static func facts(_ db: Database, ids: [String]) throws -> [IncidentFacts] {
        var result: [IncidentFacts] = []
        for chunk in chunks(of: ids) {
            let rows = try Row.fetchAll(db, sql: "SELECT \(factColumns) FROM incident WHERE id IN (\(placeholders(chunk.count)))",
                                        arguments: StatementArguments(chunk))
            result += try facts(db, rows: rows)
        }
        return result
    }

    /// Calls `body` with what the cause taxonomy needs of every incident that satisfies
    /// `condition` (SQL over `incident`): its start, and each factor's cause and `introduced_at`.
    /// One incident at a time, so that a whole history is read in one pass without being held at
    /// once. The facts' id is the incident's database key in decimal, as in
    /// ``impacts(_:serviceID:span:keyedByDatabaseKey:)``. Everything else is left out: titles and
    /// factor ids empty, roles `contributing`, other times nil, no services.
    static func forEachCauseFacts(_ db: Database, where condition: String, arguments: StatementArguments,
                                  _ body: (IncidentFacts) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT incident.pk, incident.started_at, factor.cause, factor.introduced_at
            FROM incident LEFT JOIN factor ON factor.incident_pk = incident.pk
            WHERE \(condition)
            ORDER BY incident.pk, factor.position
            """, arguments: arguments)
        // Columns are read by position and each distinct `introduced_at` parsed once: at a
        // quarter of a million rows, lookups by name and repeated parsing are a measurable cost.
        var parsed: [String: FuzzyDate] = [:]
        var current: (pk: Int64, facts: IncidentFacts)?
        while let row = try rows.next() {
            let pk: Int64 = row[0]
            if pk != current?.pk {
                if let current { try body(current.facts) }
                let startedAt: Int64 = row[1]
                current = (pk, IncidentFacts(id: String(pk), title: "", startedAt: Instant(millisecondsSinceEpoch: startedAt)))
            }
            guard let cause: String = row[2] else { continue }
            var introducedAt: FuzzyDate?
            if let introduced: String = row[3] {
                if let known = parsed[introduced] {
                    introducedAt = known
                } else {
                    do { introducedAt = try FuzzyDate(parsing: introduced) } catch {
                        throw RowDecoding.DamagedValue(column: "introduced_at", value: introduced)
                    }
                    parsed[introduced] = introducedAt
                }
            }
            current?.facts.factors.append(Factor(id: "", title: "", cause: cause, introducedAt: introducedAt))
        }
        if let current { try body(current.facts) }
    }

    /// The near misses that started inside `span`.
    static func nearMisses(_ db: Database, span: InstantSpan) throws -> [IncidentFacts] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(factColumns) FROM incident WHERE started_at >= ? AND started_at < ? AND near_miss = 1
            """), arguments: [span.start.databaseValue, span.end.databaseValue])
        return try chunks(of: rows).flatMap { try facts(db, rows: $0) }
    }

    /// The incident columns the facts use: not the summary and source, which can be long.
    private static let factColumns = "pk, id, title, severity, near_miss, started_at, detected_at, mitigated_at, resolved_at"

    /// SQLite limits the number of bound parameters; queries by lists of keys stay well under it.
    private static let chunkSize = 500

    private static func chunks<Element>(of items: [Element]) -> [[Element]] {
        stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
    }

    /// The facts of these incident rows (at most `chunkSize`), with their services and factors
    /// read in one query each rather than two per incident.
    private static func facts(_ db: Database, rows: [Row]) throws -> [IncidentFacts] {
        let pks: [Int64] = rows.map { $0["pk"] }
        guard !pks.isEmpty else { return [] }
        var services: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT DISTINCT incident_pk, service_id FROM impact WHERE incident_pk IN (\(placeholders(pks.count)))
            ORDER BY incident_pk, service_id
            """, arguments: StatementArguments(pks)) {
            services[row["incident_pk"], default: []].append(row["service_id"])
        }
        var factors: [Int64: [Factor]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT incident_pk, id, title, cause, role, introduced_at FROM factor
            WHERE incident_pk IN (\(placeholders(pks.count))) ORDER BY incident_pk, position
            """, arguments: StatementArguments(pks)) {
            factors[row["incident_pk"], default: []].append(
                Factor(id: row["id"], title: row["title"], cause: row["cause"],
                       role: try RowDecoding.keyword(row, "role", FactorRole.self) ?? .contributing,
                       introducedAt: try RowDecoding.fuzzyDate(row, "introduced_at")))
        }
        return try rows.map { row in
            let pk: Int64 = row["pk"]
            return IncidentFacts(
                id: row["id"], title: row["title"], severity: try RowDecoding.keyword(row, "severity", Severity.self),
                nearMiss: row["near_miss"] as Int64 != 0, startedAt: try RowDecoding.requiredInstant(row, "started_at"),
                detectedAt: RowDecoding.instant(row, "detected_at"), mitigatedAt: RowDecoding.instant(row, "mitigated_at"),
                resolvedAt: RowDecoding.instant(row, "resolved_at"), serviceIDs: services[pk] ?? [], factors: factors[pk] ?? [])
        }
    }
}
