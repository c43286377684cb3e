import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The SLA report for `period` read in `calendar`'s zone, as of `asOf`.
    /// - Parameter serviceIDs: the services to report on; empty means every service with an SLA
    ///   window overlapping the period or an impact in it.
    /// - Throws: ``ReportError/unknownService(_:)`` for an id not in the knowledge base;
    ///   ``ValueParseError`` for a stored SLA zone this machine does not know.
    public func slaReport(period: ReportPeriod, calendar: LocalCalendar, asOf: Instant, serviceIDs: [String]) throws -> SLAReport {
        try queue.read { db in
            let span = period.span(in: calendar)
            let histories = try histories(db, serviceIDs: serviceIDs) { slas in
                try SLAReportBuilder.neededSpan(of: slas, period: span, asOf: asOf)
            }
            // Facts are needed only for the incidents the report lists: those with an impact inside
            // the period. A yearly window's other impacts count towards its figures, not its list.
            let incidentIDs = Set(histories.flatMap { $0.incidentIDs(hitDuring: span, asOf: asOf) }).sorted()
            let selected = Set(histories.map(\.serviceID))
            let nearMisses = try HistoryReader.nearMisses(db, span: span.cut(at: asOf)).filter { nearMiss in
                serviceIDs.isEmpty || nearMiss.serviceIDs.contains(where: selected.contains)
            }
            return try SLAReportBuilder.build(period: period, calendar: calendar, asOf: asOf, histories: histories,
                                              incidents: try HistoryReader.facts(db, ids: incidentIDs), nearMisses: nearMisses)
        }
    }

    /// The current window of every SLA in force at `asOf`, by service, and the services' SLAs,
    /// read in one transaction.
    /// - Parameter serviceIDs: the services to include; empty means all.
    /// - Throws: ``ReportError/unknownService(_:)`` for an id not in the knowledge base.
    public func budgets(asOf: Instant, serviceIDs: [String]) throws -> BudgetReading {
        try queue.read { db in
            let histories = try histories(db, serviceIDs: serviceIDs) { slas in
                try BudgetStatus.neededSpan(of: slas, asOf: asOf) ?? InstantSpan(start: asOf, end: asOf)
            }
            return BudgetReading(statuses: try histories.flatMap { try BudgetStatus.current($0, asOf: asOf) },
                                 slas: histories.flatMap(\.slas))
        }
    }

    /// What incident `id` cost each SLA window its impacts reach, as of `asOf`: the window's
    /// figures and the incident's share of its downtime, attributed as the report attributes it.
    /// Reads only the windows those impacts reach. Nil when there is no such incident; empty for
    /// a near miss without impacts or services without an SLA in force then.
    /// - Throws: ``ValueParseError`` for a stored SLA zone this machine does not know.
    public func slaCharges(incident id: String, asOf: Instant) throws -> [IncidentWindowCharge]? {
        try queue.read { db in
            guard let pk = try IncidentReader.pk(db, id: id) else { return nil }
            var own: [String: [DowntimeInterval]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT service_id, start_at, end_at, fraction FROM impact WHERE incident_pk = ?
                """, arguments: [pk]) {
                own[row["service_id"], default: []].append(DowntimeInterval(
                    start: try RowDecoding.requiredInstant(row, "start_at"), end: RowDecoding.instant(row, "end_at"),
                    fraction: row["fraction"], incidentID: id))
            }
            var histories: [ServiceHistory] = []
            for (serviceID, impacts) in own {
                let slas = try CatalogReader.slas(db, serviceID: serviceID).map(\.sla)
                guard let span = try IncidentChargeBuilder.neededSpan(of: slas, impacts: impacts, asOf: asOf) else { continue }
                histories.append(try HistoryReader.history(db, serviceID: serviceID, slas: slas, span: span))
            }
            return try IncidentChargeBuilder.charges(incidentID: id, histories: histories, asOf: asOf)
        }
    }

    /// Each selected service's SLAs, and its impacts and maintenance over the span `needed`
    /// computes from those SLAs.
    private func histories(_ db: Database, serviceIDs: [String],
                           needed: ([ServiceLevelAgreement]) throws -> InstantSpan) throws -> [ServiceHistory] {
        let known = try String.fetchAll(db, sql: "SELECT id FROM service ORDER BY id")
        if let unknown = serviceIDs.first(where: { !known.contains($0) }) { throw ReportError.unknownService(unknown) }
        let slasByService = Dictionary(grouping: try CatalogReader.slas(db).map(\.sla), by: \.serviceID)
        return try (serviceIDs.isEmpty ? known : known.filter(serviceIDs.contains)).map { id in
            let slas = slasByService[id] ?? []
            return try HistoryReader.history(db, serviceID: id, slas: slas, span: try needed(slas))
        }
    }
}
