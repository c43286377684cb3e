/// Time to detect, mitigate and resolve over a set of incidents, as median and 90th percentile.
public struct IncidentTimingFigures: Hashable, Sendable {
    /// detected_at − started_at, over incidents that record a detection.
    public let toDetect: DistributionSummary
    /// (mitigated_at, else resolved_at) − started_at, over incidents that record either.
    public let toMitigate: DistributionSummary
    /// resolved_at − started_at, over resolved incidents.
    public let toResolve: DistributionSummary

    /// The figures of `incidents`; each figure counts only the incidents that record it.
    public init(_ incidents: [IncidentFacts]) {
        toDetect = DistributionSummary(incidents.compactMap(\.secondsToDetect))
        toMitigate = DistributionSummary(incidents.compactMap(\.secondsToMitigate))
        toResolve = DistributionSummary(incidents.compactMap(\.secondsToResolve))
    }
}
