/// An SLA's current window: its figures and when, at the current burn, its budget runs out.
public struct BudgetStatus: Sendable {
    /// The service.
    public let serviceID: String
    /// The window's figures as of the evaluation instant.
    public let evaluation: WindowEvaluation
    /// When the budget runs out at the rate seen so far.
    public let outlook: BudgetOutlook

    /// Creates a status.
    public init(serviceID: String, evaluation: WindowEvaluation, outlook: BudgetOutlook) {
        self.serviceID = serviceID
        self.evaluation = evaluation
        self.outlook = outlook
    }

    /// The current window of every SLA in force in `history` at `asOf`.
    /// - Throws: ``ValueParseError`` for an SLA time zone this machine does not know.
    public static func current(_ history: ServiceHistory, asOf: Instant) throws -> [BudgetStatus] {
        try SLASchedule.currentWindows(of: history.slas, at: asOf).map { sla, window in
            let (evaluation, profile) = history.evaluate(window, under: sla, asOf: asOf)
            return BudgetStatus(serviceID: history.serviceID, evaluation: evaluation,
                                outlook: BudgetOutlook(evaluation, profile: profile))
        }
    }

    /// The stretch of history ``current(_:asOf:)`` needs: every current window, up to `asOf`.
    public static func neededSpan(of slas: [ServiceLevelAgreement], asOf: Instant) throws -> InstantSpan? {
        let windows = try SLASchedule.currentWindows(of: slas, at: asOf).map(\.window.span)
        guard let start = windows.map(\.start).min() else { return nil }
        return InstantSpan(start: start, end: asOf)
    }
}
