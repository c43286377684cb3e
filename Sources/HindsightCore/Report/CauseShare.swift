/// The downtime of a period attributed to one cause path.
///
/// Each stretch of downtime belongs to the incidents whose impact sets its level (shared equally
/// when several tie); each incident's share is split equally among the distinct cause paths of
/// its factors. So the shares of all causes add up to the services' downtime in the period.
public struct CauseShare: Hashable, Sendable {
    /// The cause path, or ``CauseShare/unrecorded`` for incidents without factors.
    public let cause: String
    /// The attributed downtime in seconds.
    public let downtimeSeconds: Double
    /// The incidents with a factor under this exact path, sorted.
    public let incidentIDs: [String]

    /// The label used for downtime of incidents that record no factor.
    public static let unrecorded = "(no cause recorded)"

    /// Creates a share.
    public init(cause: String, downtimeSeconds: Double, incidentIDs: [String]) {
        self.cause = cause
        self.downtimeSeconds = downtimeSeconds
        self.incidentIDs = incidentIDs
    }

    /// The shares of each cause path, largest first (then by path), given each incident's
    /// downtime. Incidents with no downtime still list their causes, with 0 seconds.
    public static func attribute(_ downtimeByIncident: [String: Double], incidents: [IncidentFacts]) -> [CauseShare] {
        var seconds: [String: Double] = [:]
        var members: [String: Set<String>] = [:]
        for incident in incidents {
            for share in split(downtimeByIncident[incident.id] ?? 0, of: incident) {
                seconds[share.cause, default: 0] += share.seconds
                members[share.cause, default: []].insert(incident.id)
            }
        }
        return seconds.map { CauseShare(cause: $0.key, downtimeSeconds: $0.value, incidentIDs: members[$0.key, default: []].sorted()) }
            .sorted { ($0.downtimeSeconds, $1.cause) > ($1.downtimeSeconds, $0.cause) }
    }

    /// How one incident's downtime is shared out: equally among the distinct cause paths of its
    /// factors, in the order they are first named, or all of it to ``unrecorded`` when it has no
    /// factor.
    public static func split(_ seconds: Double, of incident: IncidentFacts) -> [(cause: String, seconds: Double)] {
        var causes: [String] = []
        for factor in incident.factors where !causes.contains(factor.cause) { causes.append(factor.cause) }
        if causes.isEmpty { causes = [unrecorded] }
        let each = seconds / Double(causes.count)
        return causes.map { ($0, each) }
    }
}
