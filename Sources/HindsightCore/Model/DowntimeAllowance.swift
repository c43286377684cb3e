/// What an SLA allows per window: a share of the window, or a fixed length of time.
public enum DowntimeAllowance: Hashable, Sendable {
    /// The percentage of each window the service must be up, 0 < p < 100.
    case objective(percent: Double)
    /// A fixed amount of downtime per window, whatever the window's length.
    case fixed(TimeSpan)
}
