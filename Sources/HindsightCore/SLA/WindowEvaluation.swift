/// The figures of one SLA window, evaluated until the earlier of its end and the as-of instant.
public struct WindowEvaluation: Sendable {
    /// The SLA that judges the window: the one in force at the window's start.
    public let sla: ServiceLevelAgreement
    /// The window.
    public let window: SLAWindow
    /// The end of the evaluated part: min(window end, as-of), never before the window's start.
    public let evaluatedUntil: Instant
    /// The downtime over the evaluated part.
    public let downtime: ExactSeconds

    /// Evaluates `window` under `sla` from the service's impact profile, as of `asOf`.
    /// - Parameter profile: the service's profile under this SLA's partial policy; only its part
    ///   inside the window counts.
    public init(sla: ServiceLevelAgreement, window: SLAWindow, profile: DowntimeProfile, asOf: Instant) {
        self.sla = sla
        self.window = window
        evaluatedUntil = max(window.span.start, min(window.span.end, asOf))
        downtime = profile.restricted(to: InstantSpan(start: window.span.start, end: evaluatedUntil)).downtime
    }

    /// The downtime in seconds over the evaluated part.
    public var downtimeSeconds: Double { downtime.seconds }

    /// The window's real length in seconds.
    public var windowSeconds: Double { window.span.seconds }

    /// The seconds of the window that have passed by the as-of instant.
    public var elapsedSeconds: Double { evaluatedUntil.seconds(since: window.span.start) }

    /// Whether the whole window lies before the as-of instant.
    public var isClosed: Bool { evaluatedUntil == window.span.end }

    /// The downtime the window allows: (1 − objective/100) × window length, or the fixed
    /// allowance, but never more than the window itself.
    ///
    /// Why the bound: a fixed allowance is checked against the shortest window its SLA judges
    /// when it is written, but a knowledge base written before that check (which counted a week
    /// as 7 days, where one with a daylight-saving change lasts 167 hours), or a window outside
    /// the years it searches, can still hold one longer than a window. Uncapped, such a window
    /// would show a negative objective and budget left over after being down from start to end;
    /// capped, its objective is 0 % and a service down throughout has used exactly its budget.
    public var allowedDowntime: ExactSeconds {
        switch sla.allowance {
        case .objective(let percent):
            return AllowedDowntime.downtime(objectivePercent: percent, windowMilliseconds: window.span.milliseconds)
        case .fixed(let span):
            return min(ExactSeconds(seconds: span.seconds), ExactSeconds(milliseconds: window.span.milliseconds))
        }
    }

    /// ``allowedDowntime`` in seconds.
    public var allowedDowntimeSeconds: Double { allowedDowntime.seconds }

    /// The objective in percent; for a fixed allowance, the one it amounts to in this window
    /// (0 when the allowance covers the whole window, never less).
    public var objectivePercent: Double {
        switch sla.allowance {
        case .objective(let percent): return percent
        case .fixed:
            let window = ExactSeconds(milliseconds: self.window.span.milliseconds)
            return ExactSeconds.ratio((window - allowedDowntime) * 100, window)
        }
    }

    /// Allowed minus used; negative when overspent.
    public var budgetRemainingSeconds: Double { (allowedDowntime - downtime).seconds }

    /// The share of the allowance used, in percent.
    public var budgetConsumedPercent: Double { ExactSeconds.ratio(downtime * 100, allowedDowntime) }

    /// Availability over the elapsed part of the window, in percent; nil before the window starts.
    public var availabilityPercent: Double? {
        guard elapsedSeconds > 0 else { return nil }
        // 100·(t − d)/t as one exact quotient, rounded once: a credit tier boundary such as
        // exactly 99.0 is then met exactly, not missed by a rounding in between.
        let elapsed = ExactSeconds(milliseconds: evaluatedUntil.millisecondsSinceEpoch - window.span.start.millisecondsSinceEpoch)
        return ExactSeconds.ratio((elapsed - downtime) * 100, elapsed)
    }

    /// Whether the downtime exceeds the allowance (equal is still within budget).
    public var isBreached: Bool { downtime > allowedDowntime }

    /// The service credit owed for a closed window: the largest credit among the tiers whose
    /// `below` is greater than the window's availability; 0 for an open window or no tiers.
    public var creditPercent: Double {
        guard isClosed, let availability = availabilityPercent else { return 0 }
        return sla.credits.filter { $0.belowPercent > availability }.map(\.creditPercent).max() ?? 0
    }

    /// For an open window, the share of the budget used over the share of the window passed:
    /// 1 means the budget runs out exactly at the window's end. Nil for a closed window or one
    /// not started yet.
    public var burnRate: Double? {
        guard !isClosed, elapsedSeconds > 0 else { return nil }
        // (d / a) / (t / w) = (d · w) / (a · t) as one exact quotient, rounded once: four
        // roundings in between would leave the last digit wrong (3.4013605442176873 for
        // 3.401360544217687…).
        let elapsed = evaluatedUntil.millisecondsSinceEpoch - window.span.start.millisecondsSinceEpoch
        return ExactSeconds.ratio(downtime * Int128(window.span.milliseconds), allowedDowntime * Int128(elapsed))
    }
}
