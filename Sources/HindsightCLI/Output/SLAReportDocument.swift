import HindsightCore

/// The SLA report as headings, alerts and tables (for the terminal, Markdown and HTML forms):
/// breaches first and loud, then each service's windows, incidents, timing, causes and near
/// misses, and the follow-through on actions when given. Only formatting happens here; every
/// figure comes from the report.
enum SLAReportDocument {
    static func build(_ report: SLAReport, followThrough: FollowThrough? = nil) -> ReportDocument {
        var document = ReportDocument()
        document.heading(1, "SLA report \(report.period.label)")
        document.paragraph("\(report.period.firstDay) to \(report.period.lastDay) (\(report.timeZoneName)), "
                           + "as of \(report.asOf).")
        let breaches = report.services.flatMap { section in section.windows.filter(\.isBreached).map { (section.serviceID, $0) } }
        if breaches.isEmpty {
            document.paragraph("No SLA window is breached.")
        } else {
            document.paragraph("\(breaches.count) SLA window\(breaches.count == 1 ? "" : "s") breached:", alert: true)
            for (service, window) in breaches {
                var line = "\(service) \(window.window.label): \(DurationText.short(seconds: window.downtimeSeconds)) down, "
                    + "\(DurationText.short(seconds: window.allowedDowntimeSeconds)) allowed, over by \(DurationText.short(seconds: -window.budgetRemainingSeconds))"
                if window.creditPercent > 0 { line += ", credit owed \(JSONWriter.formatNumber(window.creditPercent))%" }
                document.paragraph(line, alert: true)
            }
        }
        appendCreditsWithinBudget(of: report, to: &document)
        guard !report.services.isEmpty else {
            document.paragraph("No service has an SLA window or an impact in this period.")
            // A near miss needs no impact, so a period may have near misses and no service to report.
            appendNearMisses(of: report, to: &document)
            appendFollowThrough(followThrough, to: &document)
            return document
        }

        document.heading(2, "Services")
        // The SLAs end the row, where their whole text widens no other column: cut, "partial
        // counts as full" read as "partial co…", which is the rule that decides the figures.
        document.listing(Listing(
            columns: [.init("SERVICE"), .init("DOWNTIME", alignRight: true), .init("INCIDENTS", alignRight: true),
                      .init("SLA")],
            rows: report.services.map { section in
                let slas = Set(section.windows.map(\.sla)).map(SLAText.describe).sorted()
                return [section.serviceID, DurationText.short(seconds: section.periodDowntimeSeconds), String(section.incidentIDs.count),
                        slas.isEmpty ? "none in the period" : slas.joined(separator: "; ")]
            }))

        document.heading(2, "SLA windows")
        let allWindows = report.services.flatMap { section in section.windows.map { (section.serviceID, $0) } }
        // Windows that begin after the as-of instant have nothing to show but their allowance: a
        // weekly SLA in a year's report made in June would list thirty rows of it. They are
        // named in one line per SLA instead (the JSON keeps each of them).
        let windows = allWindows.filter { !isNotBegun($0.1) }
        if allWindows.isEmpty {
            document.paragraph("No SLA window overlaps the period.")
        } else if !windows.isEmpty {
            document.listing(Listing(
                columns: [.init("SERVICE"), .init("WINDOW", maxWidth: 12), .init("ALLOWED", alignRight: true),
                          .init("DOWN", alignRight: true), .init("LEFT", alignRight: true), .init("USED", alignRight: true),
                          .init("AVAIL", alignRight: true), .init("CREDIT", alignRight: true), .init("BURN", alignRight: true),
                          .init("STATUS")],
                rows: windows.map { service, window in
                    [service, window.window.label, DurationText.short(seconds: window.allowedDowntimeSeconds), DurationText.short(seconds: window.downtimeSeconds),
                     DurationText.short(seconds: window.budgetRemainingSeconds), NumberText.percent(window.budgetConsumedPercent),
                     window.availabilityPercent.map { NumberText.fixedDown($0, places: 4) + "%" } ?? "–",
                     // A tier's credit is shown as written (2.5 %), never rounded to a credit not owed.
                     window.isClosed ? JSONWriter.formatNumber(window.creditPercent) + "%" : "–",
                     // An open window owes no credit yet; how fast it spends its budget is what it has to show.
                     window.burnRate.map { NumberText.fixed($0, places: 2) + "×" } ?? "–", status(window)]
                }))
        }
        if let notBegun = notBegunText(allWindows.filter { isNotBegun($0.1) }) { document.paragraph(notBegun) }

        document.heading(2, "Incidents")
        if report.incidents.isEmpty {
            document.paragraph("No incident hit these services in the period.")
        } else {
            // The services end the row, whole, for the same reason as the SLAs above.
            let day = localDay(in: report)
            document.listing(Listing(
                columns: [.init("!!"), .init("STARTED"), .init("SEV"), .init("DURATION", alignRight: true),
                          .init("DOWNTIME", alignRight: true), .init("INCIDENT"), .init("SERVICES")],
                rows: report.incidents.map { line in
                    [line.contributedToBreach ? "!!" : "", day(line.facts.startedAt),
                     line.facts.severity?.rawValue ?? "", DurationText.short(seconds: line.durationSeconds) + (line.facts.resolvedAt == nil ? "+" : ""),
                     DurationText.short(seconds: line.downtimeSeconds), line.facts.id, line.serviceIDs.joined(separator: ", ")]
                }))
            document.paragraph("!! marks incidents with downtime in a breached window; + marks incidents not yet resolved.")
        }

        document.heading(2, "Timing")
        document.listing(Listing(
            columns: [.init(""), .init("INCIDENTS", alignRight: true), .init("MEDIAN", alignRight: true), .init("P90", alignRight: true)],
            rows: [("time to detect", report.timing.toDetect), ("time to mitigate", report.timing.toMitigate),
                   ("time to resolve", report.timing.toResolve)].map { label, summary in
                [label, String(summary.count), summary.median.map { DurationText.short(seconds: $0) } ?? "–", summary.p90.map { DurationText.short(seconds: $0) } ?? "–"]
            }))

        document.heading(2, "Causes of downtime")
        if report.causes.isEmpty {
            document.paragraph("No downtime to attribute.")
        } else {
            document.listing(Listing(
                columns: [.init("CAUSE"), .init("DOWNTIME", alignRight: true), .init("SHARE", alignRight: true),
                          .init("INCIDENTS", alignRight: true)],
                rows: zip(report.causes, CauseShare.percents(of: report.causes)).map { share, percent in
                    [share.cause, DurationText.short(seconds: share.downtimeSeconds),
                     percent.map { NumberText.percent($0) } ?? "–", String(share.incidentIDs.count)]
                }))
            document.paragraph("Each incident's downtime is split equally among the cause paths of its factors.")
        }

        appendNearMisses(of: report, to: &document)
        appendFollowThrough(followThrough, to: &document)
        return document
    }

    /// Alert lines for the windows that owe a credit without being breached (a tier whose `below`
    /// lies above the objective), which the breach lines would leave to one cell of the table.
    private static func appendCreditsWithinBudget(of report: SLAReport, to document: inout ReportDocument) {
        let owing = report.services.flatMap { section in
            section.windows.filter { !$0.isBreached && $0.creditPercent > 0 }.map { (section.serviceID, $0) }
        }
        guard !owing.isEmpty else { return }
        document.paragraph(owing.count == 1 ? "1 SLA window within budget still owes a credit:"
                                            : "\(owing.count) SLA windows within budget still owe a credit:", alert: true)
        for (service, window) in owing {
            let availability = window.availabilityPercent.map { NumberText.fixedDown($0, places: 4) + "%" } ?? "–"
            let allowed = DurationText.short(seconds: window.allowedDowntimeSeconds)
            document.paragraph("\(service) \(window.window.label): \(DurationText.short(seconds: window.downtimeSeconds)) down, "
                               + "\(allowed) allowed, availability \(availability), "
                               + "credit owed \(JSONWriter.formatNumber(window.creditPercent))%", alert: true)
        }
    }

    /// The near misses that started in the period, or a line saying there were none.
    private static func appendNearMisses(of report: SLAReport, to document: inout ReportDocument) {
        document.heading(2, "Near misses")
        if report.nearMisses.isEmpty {
            document.paragraph("None recorded in the period.")
        } else {
            let day = localDay(in: report)
            document.listing(Listing(
                columns: [.init("STARTED"), .init("SEV"), .init("INCIDENT"), .init("TITLE", maxWidth: 36)],
                rows: report.nearMisses.map { [day($0.startedAt), $0.severity?.rawValue ?? "", $0.id, $0.title] }))
        }
    }

    private static func appendFollowThrough(_ followThrough: FollowThrough?, to document: inout ReportDocument) {
        guard let followThrough else { return }
        document.heading(2, "Follow-through on actions")
        FollowThroughListing.append(followThrough, to: &document, headingLevel: 3)
    }

    /// The day of an instant in the report's time zone, the zone its period's days are counted in:
    /// an incident that began at 00:30 on the period's first local day is shown on that day, not on
    /// the UTC day before the period.
    private static func localDay(in report: SLAReport) -> (Instant) -> String {
        // The report was made in this zone, so it is known; UTC is only a fallback that cannot happen.
        let calendar = try? LocalCalendar(timeZoneName: report.timeZoneName)
        return { instant in (calendar?.date(containing: instant) ?? instant.utcDate).description }
    }

    private static func status(_ window: WindowEvaluation) -> String {
        if window.isBreached { return "BREACHED" }
        if !window.isClosed { return "open" }
        return "met"
    }

    /// Whether `window` begins after the as-of instant, so that none of it is evaluated.
    private static func isNotBegun(_ window: WindowEvaluation) -> Bool {
        !window.isClosed && window.elapsedSeconds <= 0
    }

    /// `Not begun by the as-of instant: auth-service 2025-W25 to 2025-W52 (28 weekly windows); …`,
    /// one entry per service and SLA in report order; nil when every window has begun.
    private static func notBegunText(_ windows: [(service: String, window: WindowEvaluation)]) -> String? {
        var runs: [(service: String, sla: ServiceLevelAgreement, first: String, last: String, count: Int)] = []
        for (service, window) in windows {
            if let last = runs.last, last.service == service, last.sla == window.sla {
                runs[runs.count - 1].last = window.window.label
                runs[runs.count - 1].count += 1
            } else {
                runs.append((service, window.sla, window.window.label, window.window.label, 1))
            }
        }
        guard !runs.isEmpty else { return nil }
        return "Not begun by the as-of instant, so left out above: " + runs.map { run in
            run.count == 1 ? "\(run.service) \(run.first)"
                : "\(run.service) \(run.first) to \(run.last) (\(run.count) \(run.sla.window.rawValue)ly windows)"
        }.joined(separator: "; ") + "."
    }
}
