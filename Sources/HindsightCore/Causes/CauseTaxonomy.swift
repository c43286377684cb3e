/// Builds the cause taxonomy of a set of incidents: every cause path their factors name, and the
/// paths above them, as a tree whose nodes count the incidents, downtime and latent ages of
/// their whole subtree.
public enum CauseTaxonomy {
    /// The top-level nodes (first segments), most downtime first; incidents without factors form
    /// a last node named ``CauseShare/unrecorded``.
    /// - Parameters:
    ///   - downtimeByIncident: each incident's downtime in the period, as the report computes it;
    ///     missing incidents had none.
    ///   - incidents: the incidents to file, with their factors.
    public static func build(downtimeByIncident: [String: Double], incidents: [IncidentFacts]) -> [CauseNode] {
        var seconds: [String: Double] = [:]
        var members: [String: Set<String>] = [:]
        // The report's attribution at each exact path, added up into every path above it.
        for share in CauseShare.attribute(downtimeByIncident, incidents: incidents) {
            let paths = share.cause == CauseShare.unrecorded ? [share.cause] : RepeatIndex.pathAndAncestors(share.cause)
            for path in paths {
                seconds[path, default: 0] += share.downtimeSeconds
                members[path, default: []].formUnion(share.incidentIDs)
            }
        }
        var latent: [String: [Double]] = [:]
        for incident in incidents {
            for factor in incident.factors {
                guard let introduced = factor.introducedAt else { continue }
                let age = LatentAge(introduced: introduced, start: incident.startedAt)
                // A defect that entered after the incident began (a bad hot fix) was never latent.
                guard age.value >= 0 else { continue }
                for path in RepeatIndex.pathAndAncestors(factor.cause) { latent[path, default: []].append(age.approximateDays) }
            }
        }

        func node(_ path: String) -> CauseNode {
            let prefix = path + "/"
            let children = seconds.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            return CauseNode(path: path, incidentIDs: members[path, default: []].sorted(), downtimeSeconds: seconds[path] ?? 0,
                             latentDays: DistributionSummary(latent[path] ?? []), children: ordered(children.map(node)))
        }
        let roots = seconds.keys.filter { !$0.contains("/") && $0 != CauseShare.unrecorded }
        var result = ordered(roots.map(node))
        if seconds[CauseShare.unrecorded] != nil { result.append(node(CauseShare.unrecorded)) }
        return result
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
            ($0.downtimeSeconds, $0.incidentIDs.count, $1.path) > ($1.downtimeSeconds, $1.incidentIDs.count, $0.path)
        }
    }
}
