/// Which remediation gaps a listing shows. Empty lists mean "any"; several values of one filter
/// match any of them, different filters combine.
public struct GapFilter: Sendable {
    /// Only gaps of incidents that hit (had an impact on) one of these services, as
    /// ``IncidentFilter/services`` picks incidents.
    public var services: [String] = []
    /// Only gaps of incidents that hit a service of one of these teams, as
    /// ``ActionFilter/teams`` picks the actions of incidents.
    public var teams: [String] = []
    /// Cause paths matched segment-wise, as ``IncidentFilter/cause`` matches: only unaddressed
    /// factors whose cause is one of these paths or lies under it, and only incidents without
    /// actions that have such a factor.
    public var causes: [String] = []

    /// Matches every gap.
    public init() {}
}
