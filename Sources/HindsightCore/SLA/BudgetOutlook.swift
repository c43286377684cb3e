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
    /// evaluatedUntil + remaining ÷ (downtime ÷ elapsed), worked out exactly and rounded up to
    /// the millisecond: a budget that at this rate runs out exactly at the window's end (burn
    /// rate 1) lasts the window, since downtime equal to the allowance is no breach.
    public init(_ evaluation: WindowEvaluation, profile: DowntimeProfile) {
        let window = evaluation.window.span
        if evaluation.isBreached || (evaluation.downtime == evaluation.allowedDowntime && evaluation.downtime > .zero) {
            let inWindow = profile.restricted(to: InstantSpan(start: window.start, end: evaluation.evaluatedUntil))
            self = .exhausted(at: inWindow.instant(whenReaching: evaluation.allowedDowntime) ?? evaluation.evaluatedUntil)
            return
        }
        let elapsed = Int128(evaluation.evaluatedUntil.millisecondsSinceEpoch - window.start.millisecondsSinceEpoch)
        let left = Int128(window.end.millisecondsSinceEpoch - evaluation.evaluatedUntil.millisecondsSinceEpoch)
        let downtime = evaluation.downtime
        guard downtime > .zero, elapsed > 0 else {
            self = .lasts
            return
        }
        // The remaining budget r lasts r × elapsed ÷ downtime more milliseconds (attoseconds ×
        // milliseconds ÷ attoseconds); it runs out inside the window when r × elapsed is less
        // than downtime × the milliseconds left. Both sides are exact.
        let stretched = (evaluation.allowedDowntime - downtime) * elapsed
        guard stretched < downtime * left else {
            self = .lasts
            return
        }
        let (whole, part) = stretched.attoseconds.quotientAndRemainder(dividingBy: downtime.attoseconds)
        self = .runsOut(at: evaluation.evaluatedUntil.adding(milliseconds: Int64(part == 0 ? whole : whole + 1)))
    }
}
