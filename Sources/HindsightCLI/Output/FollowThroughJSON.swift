import HindsightCore

/// Follow-through as JSON: the figures of `followup` and of the report's `follow_through` key.
/// Rates are fractions from 0 to 1 (null when there is nothing to divide by); days are days;
/// `start` is null when the period has no first day.
enum FollowThroughJSON {
    static func value(_ followThrough: FollowThrough) -> StructuredValue {
        var root = MappingBuilder()
        root.add("start", followThrough.period.isOpenStart ? .null : .text(followThrough.period.span.start.description))
        root.add("end", text: followThrough.period.span.end.description)
        root.add("as_of_day", text: followThrough.period.asOfDay.description)
        root.add("by", followThrough.grouping.map { .text($0.rawValue) } ?? .null)
        root.add("total", figures(followThrough.total))
        root.add("groups", .sequence(followThrough.groups.map { group in
            guard case .mapping(let entries) = figures(group.figures) else { return .null }
            return .mapping([.init("group", .text(group.label))] + entries)
        }))
        root.add("did_not_prevent_repeat", .sequence(followThrough.didNotPreventRepeat.map(finding)))
        return root.value
    }

    /// The fields of one group's figures in ``figures(_:)``, in order, after `group`.
    static let figureFields = ["created", "completed", "created_and_completed", "completion_rate", "completed_with_due",
                               "completed_on_time", "on_time_rate", "median_days_to_complete", "p90_days_to_complete",
                               "open", "overdue", "overdue_ageing", "did_not_prevent_repeat"]

    /// The label of the row that holds the figures over all actions in ``csvRecords(_:)``.
    static let totalLabel = "(all)"

    /// The records of `followup --format csv`: one per group under the JSON's field names, then
    /// the total, labelled ``totalLabel``.
    static func csvRecords(_ followThrough: FollowThrough) -> StructuredValue {
        let rows = followThrough.groups.map { ($0.label, $0.figures) } + [(totalLabel, followThrough.total)]
        return .sequence(rows.map { label, figures in
            guard case .mapping(let entries) = Self.figures(figures) else { return .null }
            return .mapping([.init("group", .text(label))] + entries)
        })
    }

    /// One group's figures, as in `total` and in each of `groups`.
    static func figures(_ figures: FollowThroughFigures) -> StructuredValue {
        var value = MappingBuilder()
        value.add("created", .integer(Int64(figures.created)))
        value.add("completed", .integer(Int64(figures.completed)))
        value.add("created_and_completed", .integer(Int64(figures.createdAndCompleted)))
        value.add("completion_rate", figures.completionRate.map(StructuredValue.number) ?? .null)
        value.add("completed_with_due", .integer(Int64(figures.completedWithDue)))
        value.add("completed_on_time", .integer(Int64(figures.completedOnTime)))
        value.add("on_time_rate", figures.onTimeRate.map(StructuredValue.number) ?? .null)
        value.add("median_days_to_complete", figures.daysToComplete.median.map(StructuredValue.number) ?? .null)
        value.add("p90_days_to_complete", figures.daysToComplete.p90.map(StructuredValue.number) ?? .null)
        value.add("open", .integer(Int64(figures.open)))
        value.add("overdue", .integer(Int64(figures.overdue)))
        var ageing = MappingBuilder()
        ageing.add("up_to_30_days", .integer(Int64(figures.ageing.upTo30Days)))
        ageing.add("31_to_90_days", .integer(Int64(figures.ageing.from31To90Days)))
        ageing.add("over_90_days", .integer(Int64(figures.ageing.over90Days)))
        value.add("overdue_ageing", ageing.value)
        value.add("did_not_prevent_repeat", .integer(Int64(figures.didNotPreventRepeat)))
        return value.value
    }

    /// One action that did not prevent a repeat.
    static func finding(_ finding: IneffectiveAction) -> StructuredValue {
        var value = MappingBuilder()
        value.add("action", text: finding.actionGlobalID)
        value.add("factor", text: "\(finding.factor.incidentID)/\(finding.factor.factorID)")
        value.add("cause", text: finding.factor.cause)
        value.add("last_completed_at", text: finding.lastCompletedAt.description)
        value.add("repeat", text: finding.repeatName)
        value.add("repeat_cause", text: finding.repeatLink.later.cause)
        value.add("repeat_started_at", text: finding.repeatLink.later.incidentStartedAt.description)
        value.add("shared_services", .sequence(finding.repeatLink.sharedServices.map(StructuredValue.text)))
        return value.value
    }
}
