/// When an open window's downtime budget runs out, if downtime goes on at the rate seen so far.
public enum BudgetOutlook: Hashable, Sendable {
    /// The budget was used up at this instant (the window is breached).
    case exhausted(at: Instant)
    /// At the current rate, the budget runs out at this instant, before the window ends.
    case runsOut(at: Instant)
    /// At the current rate (or with no downtime yet), the budget lasts to the window's end.
    case lasts

    /// The outlook of `evaluation`, whose service had `profile` (under the SLA's partial policy).
    ///
    /// The rate is the downtime so far over the elapsed time, so the projection is
    /// evaluatedUntil + remaining ÷ (downtime ÷ elapsed).
    public init(_ evaluation: WindowEvaluation, profile: DowntimeProfile) {
        let window = evaluation.window.span
        if evaluation.isBreached || (evaluation.downtime == evaluation.allowedDowntime && evaluation.downtime > .zero) {
            let inWindow = profile.restricted(to: InstantSpan(start: window.start, end: evaluation.evaluatedUntil))
            self = .exhausted(at: inWindow.instant(whenReaching: evaluation.allowedDowntime) ?? evaluation.evaluatedUntil)
            return
        }
        guard evaluation.downtimeSeconds > 0, evaluation.elapsedSeconds > 0 else {
            self = .lasts
            return
        }
        let rate = evaluation.downtimeSeconds / evaluation.elapsedSeconds
        let secondsLeft = evaluation.budgetRemainingSeconds / rate
        let remainingWindow = window.end.seconds(since: evaluation.evaluatedUntil)
        guard secondsLeft < remainingWindow else {
            self = .lasts
            return
        }
        self = .runsOut(at: evaluation.evaluatedUntil.adding(milliseconds: Int64((secondsLeft * 1000).rounded())))
    }
}
