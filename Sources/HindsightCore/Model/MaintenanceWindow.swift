/// Announced maintenance of one service: its time never counts as downtime.
/// Identified by service, start and end.
public struct MaintenanceWindow: Hashable, Sendable {
    /// The service under maintenance.
    public var serviceID: String
    /// When the maintenance began.
    public var start: Instant
    /// When it ended; always after `start`.
    public var end: Instant
    /// What was done.
    public var note: String?

    /// Creates a maintenance window.
    public init(serviceID: String, start: Instant, end: Instant, note: String? = nil) {
        self.serviceID = serviceID
        self.start = start
        self.end = end
        self.note = note
    }
}
