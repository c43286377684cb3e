import HindsightCore

/// Which incidents a listing shows. Empty fields do not filter.
public struct IncidentFilter: Sendable {
    /// Only incidents with an impact on one of these services.
    public var services: [String] = []
    /// Only incidents that started on or after this UTC day.
    public var since: CalendarDate?
    /// Only incidents that started on or before this UTC day.
    public var until: CalendarDate?
    /// Only incidents with a factor whose cause is one of these paths or lies below one of them
    /// (segment-wise).
    public var causes: [String] = []
    /// Only incidents with a factor in one of these roles; with ``causes``, the same factor must
    /// lie under one of the cause paths.
    public var roles: [FactorRole] = []
    /// Only near misses (true) or only incidents that were not (false).
    public var nearMiss: Bool?
    /// Only incidents first noticed this way.
    public var detections: [DetectionSource] = []
    /// Only incidents with a factor that repeats a factor of an earlier incident (``RepeatIndex``).
    public var repeatsOnly = false
    /// Only incidents with one of these tags.
    public var tags: [String] = []
    /// Only incidents of one of these severities.
    public var severities: [Severity] = []

    /// No filter: every incident.
    public init() {}
}
