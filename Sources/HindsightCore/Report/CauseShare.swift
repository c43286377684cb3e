/// The downtime of a period attributed to one cause path.
///
/// Each stretch of downtime belongs to the incidents whose impact sets its level (shared equally
/// when several tie); each incident's share is split equally among the distinct cause paths of
/// its factors. So the shares of all causes add up to the services' downtime in the period.
public struct CauseShare: Hashable, Sendable {
    /// The cause path, or ``CauseShare/unrecorded`` for incidents without factors.
    public let cause: String
    /// The attributed downtime.
    public let downtime: ExactSeconds
    /// The incidents with a factor under this exact path, sorted.
    public let incidentIDs: [String]

    /// The label used for downtime of incidents that record no factor.
    public static let unrecorded = "(no cause recorded)"

    /// Creates a share.
    public init(cause: String, downtime: ExactSeconds, incidentIDs: [String]) {
        self.cause = cause
        self.downtime = downtime
        self.incidentIDs = incidentIDs
    }

    /// The attributed downtime in seconds.
    public var downtimeSeconds: Double { downtime.seconds }

    /// The shares of each cause path, largest first (then by path), and ``unrecorded`` last
    /// whatever its downtime, given each incident's downtime. Incidents with no downtime still
    /// list their causes, with 0 seconds.
    public static func attribute(_ downtimeByIncident: [String: ExactSeconds], incidents: [IncidentFacts]) -> [CauseShare] {
        var downtime: [String: ExactSeconds] = [:]
        var members: [String: Set<String>] = [:]
        for incident in incidents {
            for share in split(downtimeByIncident[incident.id] ?? .zero, of: incident) {
                downtime[share.cause, default: .zero] += share.downtime
                members[share.cause, default: []].insert(incident.id)
            }
        }
        return downtime.map { CauseShare(cause: $0.key, downtime: $0.value, incidentIDs: members[$0.key, default: []].sorted()) }
            .sorted { a, b in
                // Not a cause, so it follows the causes, as it ends the tree `causes` shows.
                if (a.cause == unrecorded) != (b.cause == unrecorded) { return b.cause == unrecorded }
                return (a.downtime, b.cause) > (b.downtime, a.cause)
            }
    }

    /// Each share's part of the downtime of all `shares`, in percent, in the order given, worked
    /// out exactly and rounded once; nil for each when there is no downtime to share (the causes
    /// of incidents without downtime are still listed, with 0 seconds).
    public static func percents(of shares: [CauseShare]) -> [Double?] {
        let total = shares.reduce(ExactSeconds.zero) { $0 + $1.downtime }
        return shares.map { total > .zero ? ExactSeconds.ratio($0.downtime * 100, total) : nil }
    }

    /// How one incident's downtime is shared out: equally among the distinct cause paths of its
    /// factors, in the order they are first named (each share rounded to the attosecond), or all
    /// of it to ``unrecorded`` when it has no factor.
    public static func split(_ downtime: ExactSeconds, of incident: IncidentFacts) -> [(cause: String, downtime: ExactSeconds)] {
        var causes: [String] = []
        for factor in incident.factors where !causes.contains(factor.cause) { causes.append(factor.cause) }
        if causes.isEmpty { causes = [unrecorded] }
        let each = downtime.dividedEqually(among: causes.count)
        return causes.map { ($0, each) }
    }
}
