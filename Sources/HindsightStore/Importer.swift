import GRDB
import HindsightCore

/// Applies decoded interchange records to the database inside one write transaction, one record
/// at a time, checking the rules that span records: duplicates within the input, references to
/// services, SLA periods that overlap, and records that differ from stored ones without `--replace`.
///
/// Records arrive in file order, so a reference may name a service that a later file defines:
/// foreign keys are deferred to the commit and references are checked in ``finish()``. What it
/// keeps per record is bounded (an incident's id and where it was written), so a history of any
/// length can stream through it.
final class Importer {
    let db: Database
    let replace: Bool
    let actor: String
    let now: Instant
    private var found: [InterchangeProblem] = []
    private var summary = ImportSummary()
    private var knownServices: Set<String> = []
    private var services: [String: Located<Service>] = [:]
    private var slas: [String: Located<ServiceLevelAgreement>] = [:]
    private var incomingSLAs: [Located<ServiceLevelAgreement>] = []
    private var windows: [String: Located<MaintenanceWindow>] = [:]
    /// Where the first valid record of each incident of the input starts.
    private var incidentLocations: [String: SourceLocation] = [:]
    /// The incidents whose first occurrence was not written (refused), to compare a duplicate with.
    private var unwrittenIncidents: [String: Incident] = [:]
    /// References to services not known when their record arrived; a later record may define them.
    private var pendingReferences: [(service: String, location: SourceLocation, naming: String)] = []
    /// Records given again with different content, reported once every record is in.
    private var duplicates: [PendingDuplicate] = []
    private var fileOrder: [String: Int] = [:]
    /// Started at the first incident written, so that an import without incidents leaves the
    /// schema alone.
    private var searchIndex: SearchIndexDeferral?
    /// Started with ``searchIndex``.
    private var secondaryIndexes: SecondaryIndexDeferral?

    init(db: Database, replace: Bool, actor: String, now: Instant) throws {
        self.db = db
        self.replace = replace
        self.actor = actor
        self.now = now
        knownServices = Set(try String.fetchAll(db, sql: "SELECT id FROM service"))
        // Reset by SQLite at the end of the transaction.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    }

    private enum Outcome { case added, replaced, unchanged, refused }

    /// Every problem found so far, in file order (files in the order their records arrived).
    var problems: [InterchangeProblem] { problems(after: DecodingFindings()) }

    /// Every problem of the import: those decoding found in the input (`input`) and those found
    /// here, in file order, the files in the order of `input.files` (else in the order their
    /// records arrived). The decoder's problems come in that order already; one found here goes
    /// before the first of them that comes later in the files, and after one at the same place.
    func problems(after input: DecodingFindings) -> [InterchangeProblem] {
        let precedes = fileOrder(after: input)
        let own = found.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            if precedes(a, b) || precedes(b, a) { return precedes(a, b) }
            return left.offset < right.offset
        }.map(\.element)
        var merged: [InterchangeProblem] = []
        merged.reserveCapacity(own.count + input.problems.count)
        var next = own.startIndex
        for problem in input.problems {
            while next < own.endIndex && precedes(own[next].location, problem.location) {
                merged.append(own[next])
                next += 1
            }
            merged.append(problem)
        }
        return merged + own[next...]
    }

    /// Whether one place comes before another in the input: the files in the order of
    /// `input.files` (else in the order their records arrived), then by line and column.
    private func fileOrder(after input: DecodingFindings) -> (SourceLocation, SourceLocation) -> Bool {
        var rank: [String: Int] = [:]
        for file in input.files where rank[file] == nil { rank[file] = rank.count }
        for (file, order) in fileOrder.sorted(by: { $0.value < $1.value }) where rank[file] == nil {
            rank[file] = input.files.count + order
        }
        return { a, b in
            let (fileA, fileB) = (rank[a.file] ?? Int.max, rank[b.file] ?? Int.max)
            if fileA != fileB { return fileA < fileB }
            if a.line != b.line { return a.line < b.line }
            return a.column < b.column
        }
    }

    /// Applies one record.
    func add(_ record: InterchangeRecord) throws {
        switch record {
        case .service(let item): try add(item)
        case .sla(let item): try add(item)
        case .maintenance(let item): try add(item)
        case .incident(let item): try add(item)
        }
    }

    /// Checks what can only be checked once every record is in (references, overlapping SLAs,
    /// and where a duplicate's key first appears), and indexes the written
    /// incidents for search when nothing was refused; returns the summary.
    /// - Parameter input: what decoding the input found: a service whose record it refused (or
    ///   may have, see ``DecodingFindings/mayDefineUnreadServices``) is written in the input, so a
    ///   reference to it is not reported unknown; the record's own problems say what to fix.
    func finish(after input: DecodingFindings = DecodingFindings()) throws -> ImportSummary {
        func mayBeRefused(_ service: String) -> Bool {
            input.mayDefineUnreadServices || input.refusedServices[service] != nil
        }
        let precedes = fileOrder(after: input)
        found += duplicates.map { $0.problem(after: input, precedes: precedes) }
        for reference in pendingReferences
        where !knownServices.contains(reference.service) && !mayBeRefused(reference.service) {
            found.append(InterchangeProblem(reference.location,
                "\(reference.naming)unknown service '\(reference.service)'; define it under 'services:' in this import or import it first"))
        }
        try checkSLAOverlaps(incomingSLAs.filter {
            knownServices.contains($0.value.serviceID) || mayBeRefused($0.value.serviceID)
        })
        // With a problem the transaction is rolled back, index and all; no need to build it.
        if found.isEmpty && input.problems.isEmpty {
            try searchIndex?.finish()
            try secondaryIndexes?.finish()
        }
        return summary
    }

    /// Notes the reference to `service` in `field` of `item`, to check once every record is in.
    private func noteReference<Record>(_ service: String, in item: Located<Record>, field: String) {
        if !knownServices.contains(service) {
            pendingReferences.append((service, item.location(of: field), item.naming(field)))
        }
    }

    private func noteFile(_ location: SourceLocation) {
        if fileOrder[location.file] == nil { fileOrder[location.file] = fileOrder.count }
    }

    private func add(_ item: Located<Service>) throws {
        noteFile(item.location)
        guard isFirst(item, kind: "service", key: item.value.id, in: &services, refused: \.refusedServices) else { return }
        let stored = try CatalogReader.service(db, id: item.value.id)
        let outcome = try reconcile(item, kind: "service", label: item.value.id, stored: stored,
                                    encode: InterchangeEncoder.encode,
                                    insert: { try CatalogWriter.insert(db, item.value) },
                                    update: { try CatalogWriter.update(db, item.value) })
        count(outcome, in: \.services)
        knownServices.insert(item.value.id)
    }

    private func add(_ item: Located<ServiceLevelAgreement>) throws {
        noteFile(item.location)
        guard isFirst(item, kind: "SLA", key: slaKey(item.value), in: &slas) else { return }
        noteReference(item.value.serviceID, in: item, field: "service")
        let stored = try CatalogReader.sla(db, serviceID: item.value.serviceID, effectiveFrom: item.value.effectiveFrom)
        let outcome = try reconcile(item, kind: "SLA", label: slaKey(item.value), stored: stored?.sla,
                                    encode: InterchangeEncoder.encode,
                                    insert: { try CatalogWriter.insert(db, item.value) },
                                    update: { try CatalogWriter.update(db, pk: stored?.pk ?? 0, item.value) })
        count(outcome, in: \.slas)
        incomingSLAs.append(item)
    }

    private func add(_ item: Located<MaintenanceWindow>) throws {
        noteFile(item.location)
        let window = item.value
        guard isFirst(item, kind: "maintenance window", key: maintenanceKey(window), in: &windows) else { return }
        noteReference(window.serviceID, in: item, field: "service")
        let stored = try CatalogReader.maintenance(db, serviceID: window.serviceID, start: window.start, end: window.end)
        let outcome = try reconcile(item, kind: "maintenance window", label: maintenanceKey(window), stored: stored,
                                    encode: InterchangeEncoder.encode,
                                    insert: { try CatalogWriter.insert(db, window) },
                                    update: { try CatalogWriter.update(db, window) })
        count(outcome, in: \.maintenance)
    }

    private func add(_ item: Located<Incident>) throws {
        noteFile(item.location)
        let incident = item.value
        if let first = incidentLocations[incident.id] {
            // The first occurrence is in the database unless it was refused.
            let earlier = try unwrittenIncidents[incident.id]
                ?? IncidentReader.pk(db, id: incident.id).flatMap { try IncidentReader.load(db, pk: $0) }
            if earlier != incident {
                duplicates.append(PendingDuplicate(kind: "incident", key: incident.id, location: item.location, naming: item.naming(),
                                                   first: first, refused: \DecodingFindings.refusedIncidents))
            }
            return
        }
        incidentLocations[incident.id] = item.location
        for (index, impact) in incident.impacts.enumerated() {
            noteReference(impact.serviceID, in: item, field: "impacts[\(index)].service")
        }
        let pk = try IncidentReader.pk(db, id: incident.id)
        let stored = try pk.flatMap { try IncidentReader.load(db, pk: $0) }
        let outcome = try reconcile(item, kind: "incident", label: incident.id, stored: stored,
                                    encode: InterchangeEncoder.encode,
                                    insert: {
                                        let index = try deferredSearchIndex()
                                        let written = try IncidentWriter.insert(db, incident)
                                        try index.noteWritten(incidentPK: written, includingIncidentRow: true)
                                        try recordActionChanges(of: incident, from: nil)
                                    },
                                    update: {
                                        let index = try deferredSearchIndex()
                                        try IncidentWriter.replace(db, pk: pk ?? 0, with: incident)
                                        try index.noteWritten(incidentPK: pk ?? 0, includingIncidentRow: false)
                                        try recordActionChanges(of: incident, from: stored)
                                    })
        if outcome == .refused { unwrittenIncidents[incident.id] = incident }
        count(outcome, in: \.incidents)
    }

    private func deferredSearchIndex() throws -> SearchIndexDeferral {
        if let searchIndex { return searchIndex }
        secondaryIndexes = try SecondaryIndexDeferral(db: db)
        let started = try SearchIndexDeferral(db: db)
        searchIndex = started
        return started
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

    /// Whether `item` is the first valid record with its key. A key given again with identical
    /// content counts once; with different content it is a problem, located at the later one.
    /// - Parameter refused: where the input's findings keep the refused records of the kind, if
    ///   anywhere, for the problem to point at the first place the key appears.
    private func isFirst<Record: Hashable>(_ item: Located<Record>, kind: String, key: String,
                                           in firstByKey: inout [String: Located<Record>],
                                           refused: KeyPath<DecodingFindings, [String: SourceLocation]>? = nil) -> Bool {
        guard let first = firstByKey[key] else {
            firstByKey[key] = item
            return true
        }
        if first.value != item.value {
            duplicates.append(PendingDuplicate(kind: kind, key: key, location: item.location, naming: item.naming(),
                                               first: first.location, refused: refused))
        }
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
            found.append(InterchangeProblem(item.location,
                "\(item.naming())\(kind) '\(label)' differs from the stored one (at \(difference)); pass --replace to overwrite it"))
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
            if let clash = try others.first(where: { try $0.overlaps(item.value) }) {
                reported.insert(slaKey(item.value))
                var period = "\(clash.effectiveFrom?.description ?? "always") to \(clash.effectiveUntil?.description ?? "open end")"
                var from = item.value.effectiveFrom?.description ?? "always"
                // Dates that do not overlap can still share hours when the zones differ: name the
                // zones, or the message would contradict the dates it shows.
                if clash.timeZone != item.value.timeZone {
                    period += " in \(clash.timeZone)"
                    from += " in \(item.value.timeZone)"
                }
                found.append(InterchangeProblem(item.location,
                    "\(item.naming())SLA of '\(item.value.serviceID)' effective from \(from) overlaps its SLA effective \(period); a service's SLAs must cover disjoint periods"))
            }
        }
    }

    /// Appends to the action history: each new action, each removed action, and each change of
    /// a field `action update` records (status, completion time, owner, priority, due date in
    /// force, ticket), so that the history reads the same however an action was changed.
    private func recordActionChanges(of incident: Incident, from stored: Incident?) throws {
        let history = ActionHistoryWriter(db: db, incidentID: incident.id, at: now, actor: actor)
        let old = stored?.actions ?? [], new = incident.actions
        for action in new {
            let previous = old.first { $0.id == action.id }
            if let previous {
                for change in ActionChange.fieldChanges(from: previous, resolvedAt: stored?.resolvedAt,
                                                        to: action, resolvedAt: incident.resolvedAt) {
                    try history.append(actionID: action.id, field: change.field, from: change.oldValue, to: change.newValue,
                                       note: "import --replace")
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
