/// Builds the cause taxonomy of a set of incidents: every cause path their factors name, and the
/// paths above them, as a tree whose nodes count the incidents, downtime and latent ages of
/// their whole subtree.
public struct CauseTaxonomy: Sendable {
    private var seconds: [String: Double] = [:]
    private var counts: [String: Int] = [:]
    private var latent: [String: [Double]] = [:]
    /// Each cause path seen, with the paths above it, so that each is cut up once.
    private var ancestors: [String: [String]] = [:]

    /// An empty taxonomy.
    public init() {}

    /// The taxonomy of `incidents` in one step; see ``add(_:downtimeSeconds:)`` and ``roots``.
    public static func build(downtimeByIncident: [String: Double], incidents: [IncidentFacts]) -> [CauseNode] {
        var taxonomy = CauseTaxonomy()
        for incident in incidents { taxonomy.add(incident, downtimeSeconds: downtimeByIncident[incident.id] ?? 0) }
        return taxonomy.roots
    }

    /// Files one incident, whose downtime in the period is `downtimeSeconds` (as the report
    /// computes it), under every path its factors name and every path above them. Incidents are
    /// added one at a time so that a whole history never has to be held at once.
    public mutating func add(_ incident: IncidentFacts, downtimeSeconds: Double) {
        // The report's split of the incident's downtime at each exact path, added up into every
        // path above it; the incident itself counted once per path it reaches.
        var reached: [String] = []  // a handful of paths: a list is cheaper than a set
        for share in CauseShare.split(downtimeSeconds, of: incident) {
            for path in pathAndAncestors(share.cause) {
                seconds[path, default: 0] += share.seconds
                if !reached.contains(path) { reached.append(path) }
            }
        }
        for path in reached { counts[path, default: 0] += 1 }
        for factor in incident.factors {
            guard let introduced = factor.introducedAt else { continue }
            let age = LatentAge(introduced: introduced, start: incident.startedAt)
            // A defect that entered after the incident began (a bad hot fix) was never latent.
            guard age.value >= 0 else { continue }
            for path in pathAndAncestors(factor.cause) { latent[path, default: []].append(age.approximateDays) }
        }
    }

    /// The top-level nodes (first segments), most downtime first; incidents without factors form
    /// a last node named ``CauseShare/unrecorded``.
    public var roots: [CauseNode] {
        func node(_ path: String) -> CauseNode {
            let prefix = path + "/"
            let children = seconds.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            return CauseNode(path: path, incidentCount: counts[path] ?? 0, downtimeSeconds: seconds[path] ?? 0,
                             latentDays: DistributionSummary(latent[path] ?? []), children: Self.ordered(children.map(node)))
        }
        let roots = seconds.keys.filter { !$0.contains("/") && $0 != CauseShare.unrecorded }
        var result = Self.ordered(roots.map(node))
        if seconds[CauseShare.unrecorded] != nil { result.append(node(CauseShare.unrecorded)) }
        return result
    }

    private mutating func pathAndAncestors(_ cause: String) -> [String] {
        if let known = ancestors[cause] { return known }
        let paths = cause == CauseShare.unrecorded ? [cause] : RepeatIndex.pathAndAncestors(cause)
        ancestors[cause] = paths
        return paths
    }

    /// The node at `path` in `roots`, or nil when no incident files anything there.
    public static func node(at path: String, in roots: [CauseNode]) -> CauseNode? {
        for root in roots {
            if root.path == path { return root }
            if Identifier.causePath(path, isWithin: root.path), let found = node(at: path, in: root.children) { return found }
        }
        return nil
    }

    private static func ordered(_ nodes: [CauseNode]) -> [CauseNode] {
        nodes.sorted {
            ($0.downtimeSeconds, $0.incidentCount, $1.path) > ($1.downtimeSeconds, $1.incidentCount, $0.path)
        }
    }
}
