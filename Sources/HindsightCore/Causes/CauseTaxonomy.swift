/// Builds the cause taxonomy of a set of incidents: every cause path their factors name, and the
/// paths above them, as a tree whose nodes count the incidents, downtime and latent ages of
/// their whole subtree.
public struct CauseTaxonomy: Sendable {
    // Every path gets a number when first seen and its figures live in arrays under that number:
    // a history has a few hundred paths but hundreds of thousands of factors, so hashing each
    // path once per factor, not once per figure, is what keeps a whole history quick.
    private var paths: [String] = []
    private var downtime: [ExactSeconds] = []
    private var counts: [Int] = []
    private var latent: [[Double]] = []
    /// Each cause path seen, with the numbers of it and the paths above it.
    private var numbers: [String: [Int]] = [:]

    /// An empty taxonomy.
    public init() {}

    /// The taxonomy of `incidents` in one step; see ``add(_:downtime:)`` and ``roots``.
    public static func build(downtimeByIncident: [String: ExactSeconds], incidents: [IncidentFacts]) -> [CauseNode] {
        var taxonomy = CauseTaxonomy()
        for incident in incidents { taxonomy.add(incident, downtime: downtimeByIncident[incident.id] ?? .zero) }
        return taxonomy.roots
    }

    /// Files one incident, whose downtime in the period is `downtime` (as the report computes it), under every path its factors name and every path above them. Incidents are
    /// added one at a time so that a whole history never has to be held at once.
    public mutating func add(_ incident: IncidentFacts, downtime incidentDowntime: ExactSeconds) {
        // The report's split of the incident's downtime at each exact path, added up into every
        // path above it; the incident itself counted once per path it reaches.
        var reached: [Int] = []  // a handful of paths: a list is cheaper than a set
        for share in CauseShare.split(incidentDowntime, of: incident) {
            for number in pathAndAncestors(share.cause) {
                downtime[number] += share.downtime
                if !reached.contains(number) { reached.append(number) }
            }
        }
        for number in reached { counts[number] += 1 }
        for factor in incident.factors {
            guard let introduced = factor.introducedAt else { continue }
            let age = LatentAge(introduced: introduced, start: incident.startedAt)
            // A defect that entered after the incident began (a bad hot fix) was never latent.
            guard age.value >= 0 else { continue }
            for number in pathAndAncestors(factor.cause) { latent[number].append(age.approximateDays) }
        }
    }

    /// The top-level nodes (first segments), most downtime first; incidents without factors form
    /// a last node named ``CauseShare/unrecorded``.
    public var roots: [CauseNode] {
        let numberOf = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($0.element, $0.offset) })
        func node(_ number: Int) -> CauseNode {
            let prefix = paths[number] + "/"
            let children = paths.indices.filter { paths[$0].hasPrefix(prefix) && !paths[$0].dropFirst(prefix.count).contains("/") }
            return CauseNode(path: paths[number], incidentCount: counts[number], downtimeSeconds: downtime[number].seconds,
                             latentDays: DistributionSummary(latent[number]), children: Self.ordered(children.map(node)))
        }
        let roots = paths.indices.filter { !paths[$0].contains("/") && paths[$0] != CauseShare.unrecorded }
        var result = Self.ordered(roots.map(node))
        if let unrecorded = numberOf[CauseShare.unrecorded] { result.append(node(unrecorded)) }
        return result
    }

    /// The numbers of `cause` and of every path above it, shortest first; new paths numbered.
    private mutating func pathAndAncestors(_ cause: String) -> [Int] {
        if let known = numbers[cause] { return known }
        let chain = cause == CauseShare.unrecorded ? [cause] : RepeatIndex.pathAndAncestors(cause)
        let result = chain.map { path -> Int in
            if let known = numbers[path]?.last { return known }
            paths.append(path)
            downtime.append(.zero)
            counts.append(0)
            latent.append([])
            return paths.count - 1
        }
        // Each prefix of the chain is itself a chain: remember them all.
        for end in result.indices where numbers[chain[end]] == nil { numbers[chain[end]] = Array(result[...end]) }
        return result
    }

    /// The nodes at `paths` in `roots`, each with its subtree, in the order they come in the whole
    /// tree (parents before children, siblings most downtime first). A path at or under another of
    /// `paths` is left to that one's subtree, so no node is shown twice; a path at which no
    /// incident files anything is left out.
    public static func nodes(at paths: [String], in roots: [CauseNode]) -> [CauseNode] {
        var found: [CauseNode] = []
        func visit(_ nodes: [CauseNode]) {
            for node in nodes {
                if paths.contains(node.path) {
                    found.append(node)
                } else if paths.contains(where: { Identifier.causePath($0, isWithin: node.path) }) {
                    visit(node.children)
                }
            }
        }
        visit(roots)
        return found
    }

    private static func ordered(_ nodes: [CauseNode]) -> [CauseNode] {
        nodes.sorted {
            ($0.downtimeSeconds, $0.incidentCount, $1.path) > ($1.downtimeSeconds, $1.incidentCount, $0.path)
        }
    }
}
