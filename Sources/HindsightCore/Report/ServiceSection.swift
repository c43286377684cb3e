/// One service in a report.
public struct ServiceSection: Sendable {
    /// The service.
    public let serviceID: String
    /// Its downtime over the period up to the as-of instant, weighted by the recorded fractions,
    /// maintenance excluded.
    public let periodDowntimeSeconds: Double
    /// The incidents with an impact on the service inside the period, sorted by id.
    public let incidentIDs: [String]
    /// Every SLA window of the service that overlaps the period, in order.
    public let windows: [WindowEvaluation]

    /// Creates a section.
    public init(serviceID: String, periodDowntimeSeconds: Double, incidentIDs: [String], windows: [WindowEvaluation]) {
        self.serviceID = serviceID
        self.periodDowntimeSeconds = periodDowntimeSeconds
        self.incidentIDs = incidentIDs
        self.windows = windows
    }
}
