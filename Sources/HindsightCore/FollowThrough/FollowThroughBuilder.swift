/// Counts follow-through figures from tracked actions. The rules, for a period [start, end)
/// judged on day D:
///
/// * **created**: the action's creation instant lies in the period;
/// * **completed**: status `done` with a completion time in the period (`wont-do` is not
///   completion);
/// * **completion rate**: of the actions created in the period, the share done with a
///   completion time before the period's end;
/// * **on time**: a completed action whose completion's UTC day is on or before its due day;
///   the rate is over the completed actions that have a due date;
/// * **days to complete**: completion − creation, in days (86 400 s), median and 90th
///   percentile by ``DistributionSummary`` (PERCENTILE.INC);
/// * **open**: created before the period's end and still open on D (``TrackedAction/wasOpen(on:)``);
/// * **overdue**: created before the period's end and overdue on D by
///   ``RemediationAction/isOverdue(on:incidentResolvedAt:)``, aged by D − due into 1–30, 31–90
///   and over 90 days;
/// * **did not prevent a repeat**: flagged by ``IneffectiveActionRule`` with a repeat that
///   began in the period.
///
/// A group in which no action counts in any figure is left out.
public enum FollowThroughBuilder {
    /// The figures of `actions` over `period`.
    /// - Parameters:
    ///   - alsoOpen: more actions, besides `actions`, that were created before the period, are
    ///     still open or in progress, and are not flagged: counted in the total's open and overdue
    ///     figures only, so they suit a count without a grouping.
    ///   - ineffective: the findings of ``IneffectiveActionRule``: over the whole history, or at
    ///     least all those whose repeat began in the period.
    ///   - grouping: the breakdown, if any.
    public static func build(actions: [TrackedAction], alsoOpen: [OpenActionCount] = [], ineffective: [IneffectiveAction],
                             period: FollowThroughPeriod, grouping: FollowThroughGrouping?) -> FollowThrough {
        let inPeriod = ineffective.filter { period.span.contains($0.repeatLink.later.incidentStartedAt) }
        let flagged = Dictionary(grouping: inPeriod, by: \.actionGlobalID)
        var total = figures(actions, flagged: flagged, period: period)
        for open in alsoOpen {
            total.open += open.count
            if let days = open.daysOverdue(on: period.asOfDay) {
                total.overdue += open.count
                for _ in 0..<open.count { total.ageing.add(daysOverdue: days) }
            }
        }
        var groups: [FollowThrough.Group] = []
        if let grouping {
            // The actions given reach past the period (those of later incidents, read to find the
            // ones closed in it), so a group may have none that count: it is left out.
            groups = Dictionary(grouping: actions, by: grouping.group(of:))
                .map { FollowThrough.Group(label: $0.key, figures: figures($0.value, flagged: flagged, period: period)) }
                .filter { !$0.figures.countsNothing }
                .sorted { $0.label < $1.label }
        }
        return FollowThrough(period: period, grouping: grouping, total: total, groups: groups, didNotPreventRepeat: inPeriod)
    }

    private static func figures(_ actions: [TrackedAction], flagged: [String: [IneffectiveAction]],
                                period: FollowThroughPeriod) -> FollowThroughFigures {
        var figures = FollowThroughFigures()
        var daysToComplete: [Double] = []
        let day = period.asOfDay
        for tracked in actions {
            let action = tracked.action
            let completedAt = action.status == .done ? action.completedAt : nil
            if period.span.contains(tracked.createdAt) {
                figures.created += 1
                if let completedAt, completedAt < period.span.end { figures.createdAndCompleted += 1 }
            }
            if let completedAt, period.span.contains(completedAt) {
                figures.completed += 1
                daysToComplete.append(completedAt.seconds(since: tracked.createdAt) / 86_400)
                if let due = tracked.effectiveDue {
                    figures.completedWithDue += 1
                    if completedAt.utcDate <= due { figures.completedOnTime += 1 }
                }
            }
            // Created before the period's end, not merely on its last UTC day: a report cut at an
            // instant, or read in a zone east of UTC, ends before that day does, and an action
            // created after the end was not there to be open.
            if tracked.createdAt < period.span.end {
                if tracked.wasOpen(on: day) { figures.open += 1 }
                if let days = tracked.daysOverdue(on: day) {
                    figures.overdue += 1
                    figures.ageing.add(daysOverdue: days)
                }
            }
            if flagged[tracked.globalID] != nil { figures.didNotPreventRepeat += 1 }
        }
        figures.daysToComplete = DistributionSummary(daysToComplete)
        return figures
    }
}
