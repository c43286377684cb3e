/// One SLA window that an incident's impacts reach, and the part of that window's downtime the
/// incident is charged: what an SRE asks first of one incident ("how much of this month's
/// budget did it eat?").
public struct IncidentWindowCharge: Sendable {
    /// The impacted service.
    public let serviceID: String
    /// The whole window's figures, every incident's downtime included, evaluated until the
    /// earlier of its end and the as-of instant.
    public let evaluation: WindowEvaluation
    /// The incident's share of the window's downtime, attributed as the report attributes it:
    /// each stretch belongs to the incidents whose impact sets its level, shared equally.
    public let downtime: ExactSeconds

    /// Creates a charge.
    public init(serviceID: String, evaluation: WindowEvaluation, downtime: ExactSeconds) {
        self.serviceID = serviceID
        self.evaluation = evaluation
        self.downtime = downtime
    }

    /// ``downtime`` in seconds.
    public var downtimeSeconds: Double { downtime.seconds }

    /// The downtime the window allows.
    public var allowedDowntimeSeconds: Double { evaluation.allowedDowntimeSeconds }

    /// The share of the window's allowance this incident used, in percent.
    public var budgetConsumedPercent: Double { ExactSeconds.ratio(downtime * 100, evaluation.allowedDowntime) }

    /// Whether the window is breached, by this incident and the others in it together.
    public var isBreached: Bool { evaluation.isBreached }
}
