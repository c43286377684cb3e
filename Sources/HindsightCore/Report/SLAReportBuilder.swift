/// Computes an ``SLAReport`` from loaded histories: no storage, only the SLA arithmetic.
public enum SLAReportBuilder {
    /// The stretch of a service's history a report needs: the period and every SLA window that
    /// overlaps it (a yearly window reaches before a quarter), cut off at the as-of instant.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    public static func neededSpan(of slas: [ServiceLevelAgreement], period: InstantSpan, asOf: Instant) throws -> InstantSpan {
        let windows = try SLASchedule.windows(of: slas, overlapping: period).map(\.window.span)
        let start = ([period.start] + windows.map(\.start)).min() ?? period.start
        let end = ([period.end] + windows.map(\.end)).max() ?? period.end
        return InstantSpan(start: start, end: min(end, asOf))
    }

    /// Builds the report.
    /// - Parameters:
    ///   - histories: one per candidate service; a service with no SLA window overlapping the
    ///     period and no impact in it is left out.
    ///   - incidents: the facts of every incident named by an impact in the histories.
    ///   - nearMisses: the near misses that started in the period.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    public static func build(period: ReportPeriod, calendar: LocalCalendar, asOf: Instant, histories: [ServiceHistory],
                             incidents: [IncidentFacts], nearMisses: [IncidentFacts]) throws -> SLAReport {
        let span = period.span(in: calendar)
        let factsByID = Dictionary(incidents.map { ($0.id, $0.asKnown(before: asOf)) }, uniquingKeysWith: { first, _ in first })
        var sections: [ServiceSection] = []
        var downtimeByIncident: [String: ExactSeconds] = [:]
        var servicesByIncident: [String: Set<String>] = [:]
        var breachingIncidents: Set<String> = []

        for history in histories.sorted(by: { $0.serviceID < $1.serviceID }) {
            let weighted = DowntimeCalculator.profile(over: span, impacts: history.impacts, maintenance: history.maintenance,
                                                      policy: .weighted, asOf: asOf)
            let hitBy = history.incidentIDs(hitDuring: span, asOf: asOf)

            var windows: [WindowEvaluation] = []
            for (sla, window) in try SLASchedule.windows(of: history.slas, overlapping: span) {
                let (evaluation, profile) = history.evaluate(window, under: sla, asOf: asOf)
                if evaluation.isBreached {
                    breachingIncidents.formUnion(profile.downtimeByIncident.filter { $0.value > .zero }.keys)
                }
                windows.append(evaluation)
            }
            guard !windows.isEmpty || !hitBy.isEmpty else { continue }

            for (id, downtime) in weighted.downtimeByIncident { downtimeByIncident[id, default: .zero] += downtime }
            for id in hitBy { servicesByIncident[id, default: []].insert(history.serviceID) }
            sections.append(ServiceSection(serviceID: history.serviceID, periodDowntimeSeconds: weighted.seconds,
                                           incidentIDs: hitBy.sorted(), windows: windows))
        }

        let lines = servicesByIncident.keys.compactMap { id -> IncidentLine? in
            guard let facts = factsByID[id] else { return nil }
            return IncidentLine(facts: facts, serviceIDs: servicesByIncident[id, default: []].sorted(),
                                downtimeSeconds: (downtimeByIncident[id] ?? .zero).seconds,
                                contributedToBreach: breachingIncidents.contains(id),
                                durationSeconds: (facts.resolvedAt ?? asOf).seconds(since: facts.startedAt))
        }.sorted { lhs, rhs in
            if lhs.contributedToBreach != rhs.contributedToBreach { return lhs.contributedToBreach }
            return (lhs.facts.startedAt, lhs.facts.id) < (rhs.facts.startedAt, rhs.facts.id)
        }
        let reported = lines.map(\.facts)
        return SLAReport(period: period, timeZoneName: calendar.timeZoneName, span: span, asOf: asOf, services: sections,
                         incidents: lines, timing: IncidentTimingFigures(reported),
                         causes: CauseShare.attribute(downtimeByIncident, incidents: reported),
                         nearMisses: nearMisses.map { $0.asKnown(before: asOf) }.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) })
    }
}
