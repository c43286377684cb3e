import HindsightCore

/// Follow-through figures as rows: one per group and a total, for tables, Markdown and HTML, and
/// the figures that end each row of the report's CSV. Table cells are rounded for reading; CSV
/// cells are not.
enum FollowThroughListing {
    /// The report CSV's follow-through column names, in the order of ``csvCells(_:)``.
    static let csvColumns = ["actions_created", "actions_completed", "completion_rate", "on_time_rate",
                             "median_days_to_complete", "p90_days_to_complete", "actions_open", "actions_overdue",
                             "overdue_up_to_30_days", "overdue_31_to_90_days", "overdue_over_90_days",
                             "did_not_prevent_repeat"]

    /// The unrounded CSV cells of `figures`.
    static func csvCells(_ figures: FollowThroughFigures) -> [String] {
        let number = { (value: Double?) in value.map(JSONWriter.formatNumber) ?? "" }
        return [String(figures.created), String(figures.completed), number(figures.completionRate), number(figures.onTimeRate),
                number(figures.daysToComplete.median), number(figures.daysToComplete.p90), String(figures.open),
                String(figures.overdue), String(figures.ageing.upTo30Days), String(figures.ageing.from31To90Days),
                String(figures.ageing.over90Days), String(figures.didNotPreventRepeat)]
    }

    /// Every group and the total, rounded for people.
    static func table(_ followThrough: FollowThrough) -> Listing {
        Listing(
            columns: [.init((followThrough.grouping?.rawValue ?? "").uppercased(), maxWidth: 24),
                      .init("CREATED", alignRight: true), .init("DONE", alignRight: true), .init("RATE", alignRight: true),
                      .init("ON TIME", alignRight: true), .init("P50 DAYS", alignRight: true), .init("P90", alignRight: true),
                      .init("OPEN", alignRight: true), .init("OVERDUE", alignRight: true), .init("≤30", alignRight: true),
                      .init("31–90", alignRight: true), .init(">90", alignRight: true), .init("NO EFFECT", alignRight: true)],
            rows: followThrough.groups.map { row($0.label, $0.figures) } + [row("all", followThrough.total)])
    }

    private static func row(_ label: String, _ figures: FollowThroughFigures) -> [String] {
        let days = { (value: Double?) in value.map { NumberText.fixed($0, places: 1) } ?? "–" }
        return [label, String(figures.created), String(figures.completed),
                NumberText.percent(figures.completionRate.map { $0 * 100 }, places: 0),
                NumberText.percent(figures.onTimeRate.map { $0 * 100 }, places: 0),
                days(figures.daysToComplete.median), days(figures.daysToComplete.p90), String(figures.open),
                String(figures.overdue), String(figures.ageing.upTo30Days), String(figures.ageing.from31To90Days),
                String(figures.ageing.over90Days), String(figures.didNotPreventRepeat)]
    }

    /// The actions that did not prevent a repeat, one row each.
    static func findings(_ findings: [IneffectiveAction]) -> Listing {
        Listing(
            columns: [.init("ACTION"), .init("DONE BY"), .init("REPEAT"), .init("REPEAT BEGAN")],
            rows: findings.map { [$0.actionGlobalID, $0.lastCompletedAt.utcDate.description, $0.repeatName,
                                  $0.repeatLink.later.incidentStartedAt.description] })
    }

    /// The follow-through section of a document (the `followup` page and the report's section).
    static func append(_ followThrough: FollowThrough, to document: inout ReportDocument, headingLevel: Int) {
        document.listing(table(followThrough))
        // Short lines: the report's table form stays within 100 columns.
        document.paragraph("CREATED and DONE count within the period; RATE is the share of those created done by its end.")
        document.paragraph("ON TIME: the share of done actions with a due date done by it; DAYS from creation to done.")
        document.paragraph("OPEN and OVERDUE as of \(followThrough.period.asOfDay), overdue by days: ≤30, 31–90, >90.")
        document.paragraph("NO EFFECT: done actions whose factor repeated in the period, listed below.")
        document.heading(headingLevel, "Actions that did not prevent a repeat")
        if followThrough.didNotPreventRepeat.isEmpty {
            document.paragraph("None in the period.")
        } else {
            document.listing(findings(followThrough.didNotPreventRepeat))
        }
    }
}
