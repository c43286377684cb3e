/// The figures of one SLA window, evaluated until the earlier of its end and the as-of instant.
public struct WindowEvaluation: Sendable {
    /// The SLA that judges the window: the one in force at the window's start.
    public let sla: ServiceLevelAgreement
    /// The window.
    public let window: SLAWindow
    /// The end of the evaluated part: min(window end, as-of), never before the window's start.
    public let evaluatedUntil: Instant
    /// The downtime in seconds over the evaluated part.
    public let downtimeSeconds: Double

    /// Evaluates `window` under `sla` from the service's impact profile, as of `asOf`.
    /// - Parameter profile: the service's profile under this SLA's partial policy; only its part
    ///   inside the window counts.
    public init(sla: ServiceLevelAgreement, window: SLAWindow, profile: DowntimeProfile, asOf: Instant) {
        self.sla = sla
        self.window = window
        evaluatedUntil = max(window.span.start, min(window.span.end, asOf))
        downtimeSeconds = profile.restricted(to: InstantSpan(start: window.span.start, end: evaluatedUntil)).seconds
    }

    /// The window's real length in seconds.
    public var windowSeconds: Double { window.span.seconds }

    /// The seconds of the window that have passed by the as-of instant.
    public var elapsedSeconds: Double { evaluatedUntil.seconds(since: window.span.start) }

    /// Whether the whole window lies before the as-of instant.
    public var isClosed: Bool { evaluatedUntil == window.span.end }

    /// The downtime the window allows: (1 − objective/100) × window length, or the fixed allowance.
    public var allowedDowntimeSeconds: Double {
        switch sla.allowance {
        case .objective(let percent):
            return AllowedDowntime.seconds(objectivePercent: percent, windowMilliseconds: window.span.milliseconds)
        case .fixed(let span): return Double(span.seconds)
        }
    }

    /// The objective in percent; for a fixed allowance, the one it amounts to in this window.
    public var objectivePercent: Double {
        switch sla.allowance {
        case .objective(let percent): return percent
        case .fixed(let span): return 100 * (1 - Double(span.seconds) / windowSeconds)
        }
    }

    /// Allowed minus used; negative when overspent.
    public var budgetRemainingSeconds: Double { allowedDowntimeSeconds - downtimeSeconds }

    /// The share of the allowance used, in percent.
    public var budgetConsumedPercent: Double { 100 * downtimeSeconds / allowedDowntimeSeconds }

    /// Availability over the elapsed part of the window, in percent; nil before the window starts.
    public var availabilityPercent: Double? {
        guard elapsedSeconds > 0 else { return nil }
        // 100 − 100·d/t rather than 100·(1 − d/t): the subtraction from 1 would lose the digits
        // that decide a credit tier boundary such as exactly 99.0.
        return 100 - 100 * downtimeSeconds / elapsedSeconds
    }

    /// Whether the downtime exceeds the allowance (equal is still within budget).
    public var isBreached: Bool { downtimeSeconds > allowedDowntimeSeconds }

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
        return (downtimeSeconds / allowedDowntimeSeconds) / (elapsedSeconds / windowSeconds)
    }
}
