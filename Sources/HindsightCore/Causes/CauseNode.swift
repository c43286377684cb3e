/// One node of the cause taxonomy: a cause path with the figures of everything filed at it or
/// below it.
public struct CauseNode: Hashable, Sendable {
    /// The full path, e.g. `cache/key`, or ``CauseShare/unrecorded``.
    public var path: String
    /// The last segment of the path, e.g. `key`.
    public var segment: String
    /// How many incidents have a factor at this path or below it; each counted once however
    /// many of its factors lie here.
    public var incidentCount: Int
    /// The downtime attributed to this path and the paths below it: the sum of their
    /// ``CauseShare`` shares, so an incident adds at most its own downtime to a node, and adds
    /// all of it only when every cause path it has lies in the subtree.
    public var downtimeSeconds: Double
    /// How long the defects filed here or below lay latent, in days (see ``LatentAge/approximateDays``),
    /// over the factors with an `introduced_at` that precedes their incident's start.
    public var latentDays: DistributionSummary
    /// The paths one segment below, most downtime first (then most incidents, then by path).
    public var children: [CauseNode]

    /// Creates a node.
    public init(path: String, incidentCount: Int, downtimeSeconds: Double, latentDays: DistributionSummary,
                children: [CauseNode]) {
        self.path = path
        self.segment = path.split(separator: "/").last.map(String.init) ?? path
        self.incidentCount = incidentCount
        self.downtimeSeconds = downtimeSeconds
        self.latentDays = latentDays
        self.children = children
    }

    /// This node and every node below it, depth first, each with its depth (0 for this one).
    public func flattened(depth: Int = 0) -> [(depth: Int, node: CauseNode)] {
        [(depth, self)] + children.flatMap { $0.flattened(depth: depth + 1) }
    }
}
