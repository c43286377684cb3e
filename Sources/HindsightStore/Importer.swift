import GRDB
import HindsightCore

/// Applies decoded interchange records to the database inside one write transaction, checking
/// the rules that span records: duplicates within the input, references to services, SLA periods
/// that overlap, and records that differ from stored ones without `--replace`.
final class Importer {
    let db: Database
    let replace: Bool
    let actor: String
    let now: Instant
    private(set) var problems: [InterchangeProblem] = []
    private var summary = ImportSummary()
    private var knownServices: Set<String> = []

    init(db: Database, replace: Bool, actor: String, now: Instant) {
        self.db = db
        self.replace = replace
        self.actor = actor
        self.now = now
    }

    private enum Outcome { case added, replaced, unchanged, refused }

    /// Applies `document`; the caller rolls back when ``problems`` is not empty.
    func run(_ document: InterchangeDocument) throws -> ImportSummary {
        knownServices = Set(try String.fetchAll(db, sql: "SELECT id FROM service"))

        for item in unique(document.services, kind: "service", key: { $0.id }) {
            let stored = try CatalogReader.service(db, id: item.value.id)
            let outcome = try reconcile(item, kind: "service", label: item.value.id, stored: stored,
                                        encode: InterchangeEncoder.encode,
                                        insert: { try CatalogWriter.insert(db, item.value) },
                                        update: { try CatalogWriter.update(db, item.value) })
            count(outcome, in: \.services)
            knownServices.insert(item.value.id)
        }

        var slaServices: Set<String> = []
        for item in unique(document.slas, kind: "SLA", key: slaKey) {
            guard checkService(item.value.serviceID, at: item.location(of: "service")) else { continue }
            let stored = try CatalogReader.sla(db, serviceID: item.value.serviceID, effectiveFrom: item.value.effectiveFrom)
            let outcome = try reconcile(item, kind: "SLA", label: slaKey(item.value), stored: stored?.sla,
                                        encode: InterchangeEncoder.encode,
                                        insert: { try CatalogWriter.insert(db, item.value) },
                                        update: { try CatalogWriter.update(db, pk: stored?.pk ?? 0, item.value) })
            count(outcome, in: \.slas)
            slaServices.insert(item.value.serviceID)
        }
        try checkSLAOverlaps(document.slas.filter { slaServices.contains($0.value.serviceID) })

        for item in unique(document.maintenance, kind: "maintenance window", key: maintenanceKey) {
            let window = item.value
            guard checkService(window.serviceID, at: item.location(of: "service")) else { continue }
            let stored = try CatalogReader.maintenance(db, serviceID: window.serviceID, start: window.start, end: window.end)
            let outcome = try reconcile(item, kind: "maintenance window", label: maintenanceKey(window), stored: stored,
                                        encode: InterchangeEncoder.encode,
                                        insert: { try CatalogWriter.insert(db, window) },
                                        update: { try CatalogWriter.update(db, window) })
            count(outcome, in: \.maintenance)
        }

        for item in unique(document.incidents, kind: "incident", key: { $0.id }) {
            let incident = item.value
            var referencesResolve = true
            for (index, impact) in incident.impacts.enumerated()
            where !checkService(impact.serviceID, at: item.location(of: "impacts[\(index)].service")) {
                referencesResolve = false
            }
            guard referencesResolve else { continue }
            let pk = try IncidentReader.pk(db, id: incident.id)
            let stored = try pk.flatMap { try IncidentReader.load(db, pk: $0) }
            let outcome = try reconcile(item, kind: "incident", label: incident.id, stored: stored,
                                        encode: InterchangeEncoder.encode,
                                        insert: {
                                            try IncidentWriter.insert(db, incident)
                                            try recordActionChanges(incidentID: incident.id, from: [], to: incident.actions)
                                        },
                                        update: {
                                            try IncidentWriter.replace(db, pk: pk ?? 0, with: incident)
                                            try recordActionChanges(incidentID: incident.id, from: stored?.actions ?? [],
                                                                    to: incident.actions)
                                        })
            count(outcome, in: \.incidents)
        }
        return summary
    }

    private func slaKey(_ sla: ServiceLevelAgreement) -> String {
        "\(sla.serviceID) effective from \(sla.effectiveFrom?.description ?? "always")"
    }

    private func maintenanceKey(_ window: MaintenanceWindow) -> String {
        "\(window.serviceID) \(window.start)–\(window.end)"
    }

    private func count(_ outcome: Outcome, in keyPath: WritableKeyPath<ImportSummary, ImportSummary.Counts>) {
        switch outcome {
        case .added: summary[keyPath: keyPath].added += 1
        case .replaced: summary[keyPath: keyPath].replaced += 1
        case .unchanged: summary[keyPath: keyPath].unchanged += 1
        case .refused: break
        }
    }

    /// The records with distinct keys. A key given twice with identical content counts once; with
    /// different content it is a problem, located at the second one.
    private func unique<Record: Hashable>(_ items: [Located<Record>], kind: String,
                                                   key: (Record) -> String) -> [Located<Record>] {
        var firstByKey: [String: Located<Record>] = [:]
        var result: [Located<Record>] = []
        for item in items {
            let itemKey = key(item.value)
            if let first = firstByKey[itemKey] {
                if first.value != item.value {
                    problems.append(InterchangeProblem(item.location,
                        "duplicate \(kind) '\(itemKey)' with different content (first defined at \(first.location))"))
                }
                continue
            }
            firstByKey[itemKey] = item
            result.append(item)
        }
        return result
    }

    private func checkService(_ id: String, at location: SourceLocation) -> Bool {
        if knownServices.contains(id) { return true }
        problems.append(InterchangeProblem(location,
            "unknown service '\(id)'; define it under 'services:' in this import or import it first"))
        return false
    }

    private func reconcile<Record: Equatable>(
        _ item: Located<Record>, kind: String, label: String, stored: Record?,
        encode: (Record) -> StructuredValue, insert: () throws -> Void, update: () throws -> Void
    ) throws -> Outcome {
        guard let stored else {
            try insert()
            return .added
        }
        if stored == item.value { return .unchanged }
        guard replace else {
            let difference = encode(item.value).firstDifference(from: encode(stored)) ?? "content"
            problems.append(InterchangeProblem(item.location,
                "\(kind) '\(label)' differs from the stored one (at \(difference)); pass --replace to overwrite it"))
            return .refused
        }
        try update()
        return .replaced
    }

    private func checkSLAOverlaps(_ incoming: [Located<ServiceLevelAgreement>]) throws {
        var reported: Set<String> = []
        for item in incoming where !reported.contains(slaKey(item.value)) {
            let others = try CatalogReader.slas(db, serviceID: item.value.serviceID)
                .map(\.sla)
                .filter { $0.effectiveFrom != item.value.effectiveFrom }
            if let clash = others.first(where: { $0.overlaps(item.value) }) {
                reported.insert(slaKey(item.value))
                let period = "\(clash.effectiveFrom?.description ?? "always") to \(clash.effectiveUntil?.description ?? "open end")"
                problems.append(InterchangeProblem(item.location,
                    "SLA of '\(item.value.serviceID)' effective from \(item.value.effectiveFrom?.description ?? "always") overlaps its SLA effective \(period); a service's SLAs must cover disjoint periods"))
            }
        }
    }

    /// Appends to the action history: each new action, each status change, each removed action.
    private func recordActionChanges(incidentID: String, from old: [RemediationAction], to new: [RemediationAction]) throws {
        let history = ActionHistoryWriter(db: db, incidentID: incidentID, at: now, actor: actor)
        for action in new {
            let previous = old.first { $0.id == action.id }
            if let previous {
                if previous.status != action.status {
                    try history.append(actionID: action.id, field: "status", from: previous.status.rawValue,
                                       to: action.status.rawValue, note: "import --replace")
                }
            } else {
                try history.append(actionID: action.id, field: "created", from: nil, to: action.status.rawValue, note: "import")
            }
        }
        for action in old where !new.contains(where: { $0.id == action.id }) {
            try history.append(actionID: action.id, field: "removed", from: action.status.rawValue, to: nil,
                               note: "import --replace")
        }
    }
}
