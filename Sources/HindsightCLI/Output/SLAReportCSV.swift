import HindsightCore

/// The SLA report as CSV: one row per service window (a service with no window gets one row with
/// the window columns empty), numbers unrounded. When follow-through is given, its period-wide
/// figures follow as further columns, the same on every row.
enum SLAReportCSV {
    static func listing(_ report: SLAReport, followThrough: FollowThrough? = nil) -> Listing {
        let windowColumns = ["period", "service", "period_downtime_seconds", "window", "label", "timezone", "start", "end",
                       "evaluated_until", "window_seconds", "allowed_downtime_seconds", "downtime_seconds",
                       "budget_remaining_seconds", "budget_consumed_percent", "availability_percent", "breached",
                       "credit_percent", "burn_rate", "objective_percent"]
        let columns = windowColumns + (followThrough == nil ? [] : FollowThroughListing.csvColumns)
        let trailing = followThrough.map { FollowThroughListing.csvCells($0.total) } ?? []
        var rows: [[String]] = []
        for section in report.services {
            let lead = [report.period.label, section.serviceID, number(section.periodDowntimeSeconds)]
            if section.windows.isEmpty {
                rows.append(lead + Array(repeating: "", count: windowColumns.count - lead.count) + trailing)
            }
            for window in section.windows {
                rows.append(lead + [
                    window.window.kind.rawValue, window.window.label, window.window.timeZoneName,
                    window.window.span.start.description, window.window.span.end.description, window.evaluatedUntil.description,
                    number(window.windowSeconds), number(window.allowedDowntimeSeconds), number(window.downtimeSeconds),
                    number(window.budgetRemainingSeconds), number(window.budgetConsumedPercent),
                    window.availabilityPercent.map(number) ?? "", window.isBreached ? "true" : "false",
                    number(window.creditPercent), window.burnRate.map(number) ?? "", number(window.objectivePercent),
                ] + trailing)
            }
        }
        return Listing(columns: columns.map { Listing.Column($0) }, rows: rows)
    }

    private static func number(_ value: Double) -> String { JSONWriter.formatNumber(value) }
}
