import GRDB
import HindsightCore

/// Writes services, SLAs and maintenance windows. Callers run it inside a write transaction.
enum CatalogWriter {
    static func insert(_ db: Database, _ service: Service) throws {
        try db.execute(sql: "INSERT INTO service (id, name, team, tier, description) VALUES (?, ?, ?, ?, ?)",
                       arguments: [service.id, service.name, service.team, service.tier, service.description])
    }

    static func update(_ db: Database, _ service: Service) throws {
        try db.execute(sql: "UPDATE service SET name = ?, team = ?, tier = ?, description = ? WHERE id = ?",
                       arguments: [service.name, service.team, service.tier, service.description, service.id])
    }

    static func insert(_ db: Database, _ sla: ServiceLevelAgreement) throws {
        try db.execute(sql: """
            INSERT INTO sla (service_id, objective_percent, allowed_downtime_seconds, window_kind, timezone,
                             effective_from, effective_until, partial)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: slaArguments(sla))
        try insertCredits(db, sla, pk: db.lastInsertedRowID)
    }

    static func update(_ db: Database, pk: Int64, _ sla: ServiceLevelAgreement) throws {
        try db.execute(sql: "DELETE FROM sla_credit_tier WHERE sla_pk = ?", arguments: [pk])
        var arguments = slaArguments(sla)
        _ = arguments.append(contentsOf: [pk])
        try db.execute(sql: """
            UPDATE sla SET service_id = ?, objective_percent = ?, allowed_downtime_seconds = ?, window_kind = ?,
                           timezone = ?, effective_from = ?, effective_until = ?, partial = ?
            WHERE pk = ?
            """, arguments: arguments)
        try insertCredits(db, sla, pk: pk)
    }

    private static func slaArguments(_ sla: ServiceLevelAgreement) -> StatementArguments {
        var objective: Double?
        var allowed: Int64?
        switch sla.allowance {
        case .objective(let percent): objective = percent
        case .fixed(let span): allowed = span.seconds
        }
        return [sla.serviceID, objective, allowed, sla.window.rawValue, sla.timeZone,
                sla.effectiveFrom?.description, sla.effectiveUntil?.description, sla.partial.rawValue]
    }

    private static func insertCredits(_ db: Database, _ sla: ServiceLevelAgreement, pk: Int64) throws {
        for (position, tier) in sla.credits.enumerated() {
            try db.execute(sql: "INSERT INTO sla_credit_tier (sla_pk, position, below_percent, credit_percent) VALUES (?, ?, ?, ?)",
                           arguments: [pk, position, tier.belowPercent, tier.creditPercent])
        }
    }

    static func insert(_ db: Database, _ window: MaintenanceWindow) throws {
        try db.execute(sql: "INSERT INTO maintenance (service_id, start_at, end_at, note) VALUES (?, ?, ?, ?)",
                       arguments: [window.serviceID, window.start.databaseValue, window.end.databaseValue, window.note])
    }

    static func update(_ db: Database, _ window: MaintenanceWindow) throws {
        try db.execute(sql: "UPDATE maintenance SET note = ? WHERE service_id = ? AND start_at = ? AND end_at = ?",
                       arguments: [window.note, window.serviceID, window.start.databaseValue, window.end.databaseValue])
    }
}
