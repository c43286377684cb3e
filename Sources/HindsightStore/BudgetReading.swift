import HindsightCore

/// The budgets of the services asked about, read at one moment together with their SLAs, so
/// that what is said of a service without an open window agrees with the figures shown.
public struct BudgetReading: Sendable {
    /// The current window of every SLA in force at the instant asked about, by service.
    public var statuses: [BudgetStatus]
    /// Every SLA of the services asked about (of all services when none was named), in force
    /// or not.
    public var slas: [ServiceLevelAgreement]

    /// Creates a reading.
    public init(statuses: [BudgetStatus], slas: [ServiceLevelAgreement]) {
        self.statuses = statuses
        self.slas = slas
    }
}
