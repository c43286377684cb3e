import GRDB
import HindsightCore

/// Loads services, SLAs and maintenance windows.
enum CatalogReader {
    static func services(_ db: Database) throws -> [Service] {
        try Row.fetchAll(db, sql: "SELECT * FROM service ORDER BY id").map(service)
    }

    static func service(_ db: Database, id: String) throws -> Service? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM service WHERE id = ?"), arguments: [id]).map(service)
    }

    private static func service(_ row: Row) -> Service {
        Service(id: row["id"], name: row["name"], team: RowDecoding.nameOrNone(row, "team"), tier: row["tier"], description: row["description"])
    }

    /// All SLAs, by service and start, with their database keys.
    static func slas(_ db: Database, serviceID: String? = nil) throws -> [(pk: Int64, sla: ServiceLevelAgreement)] {
        let rows: [Row]
        if let serviceID {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM sla WHERE service_id = ? ORDER BY coalesce(effective_from, '')",
                                    arguments: [serviceID])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM sla ORDER BY service_id, coalesce(effective_from, '')")
        }
        return try rows.map { row in (row["pk"], try sla(db, row)) }
    }

    /// The SLA of `serviceID` taking effect on `effectiveFrom` (nil: always), with its key.
    static func sla(_ db: Database, serviceID: String, effectiveFrom: CalendarDate?) throws -> (pk: Int64, sla: ServiceLevelAgreement)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM sla WHERE service_id = ? AND coalesce(effective_from, '') = ?",
            arguments: [serviceID, effectiveFrom?.description ?? ""])
        else { return nil }
        return (row["pk"], try sla(db, row))
    }

    private static func sla(_ db: Database, _ row: Row) throws -> ServiceLevelAgreement {
        let allowance: DowntimeAllowance
        if let seconds: Int64 = row["allowed_downtime_seconds"] {
            allowance = .fixed(TimeSpan(seconds: seconds))
        } else {
            allowance = .objective(percent: row["objective_percent"])
        }
        let credits = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT below_percent, credit_percent FROM sla_credit_tier WHERE sla_pk = ? ORDER BY position"),
            arguments: [row["pk"] as Int64]
        ).map { CreditTier(belowPercent: $0["below_percent"], creditPercent: $0["credit_percent"]) }
        return ServiceLevelAgreement(
            serviceID: row["service_id"], allowance: allowance,
            window: try RowDecoding.keyword(row, "window_kind", WindowKind.self) ?? .year, timeZone: row["timezone"],
            effectiveFrom: try RowDecoding.date(row, "effective_from"),
            effectiveUntil: try RowDecoding.date(row, "effective_until"),
            partial: try RowDecoding.keyword(row, "partial", PartialImpactPolicy.self) ?? .weighted, credits: credits)
    }

    static func maintenance(_ db: Database) throws -> [MaintenanceWindow] {
        try Row.fetchAll(db, sql: "SELECT * FROM maintenance ORDER BY service_id, start_at, end_at").map(maintenance)
    }

    static func maintenance(_ db: Database, serviceID: String, start: Instant, end: Instant) throws -> MaintenanceWindow? {
        try Row.fetchOne(db, sql: "SELECT * FROM maintenance WHERE service_id = ? AND start_at = ? AND end_at = ?",
                         arguments: [serviceID, start.databaseValue, end.databaseValue]).map(maintenance)
    }

    private static func maintenance(_ row: Row) throws -> MaintenanceWindow {
        MaintenanceWindow(serviceID: row["service_id"], start: try RowDecoding.requiredInstant(row, "start_at"),
                          end: try RowDecoding.requiredInstant(row, "end_at"), note: row["note"])
    }
}
