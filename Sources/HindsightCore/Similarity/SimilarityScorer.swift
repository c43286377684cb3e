/// Ranks earlier incidents by how much they have in common with one incident.
///
/// Points, added up:
/// * each of the incident's cause paths that the other also has: ``sameCausePoints``;
/// * for each top-level area (first segment) where they share no path but both have paths:
///   ``relatedCausePointsPerSegment`` per leading segment of the closest pair of paths, once;
/// * each shared service: ``servicePoints``; each shared tag: ``tagPoints``;
/// * each shared word of the titles and factor titles: ``wordPoints``, at most ``maximumWordPoints``.
///
/// Only incidents that started strictly before the incident count, and only those with some
/// points. Ties go to the more recent incident, then by id.
public enum SimilarityScorer {
    /// Points for a cause path both incidents have.
    public static let sameCausePoints = 3.0
    /// Points per shared leading segment for related cause paths.
    public static let relatedCausePointsPerSegment = 1.0
    /// Points for each service both hit.
    public static let servicePoints = 2.0
    /// Points for each tag both carry.
    public static let tagPoints = 1.0
    /// Points for each word both use.
    public static let wordPoints = 0.5
    /// The most that shared words can add.
    public static let maximumWordPoints = 3.0

    /// The earlier incidents among `candidates` with anything in common with `incident`, most
    /// similar first, at most `limit`.
    public static func rank(_ incident: IncidentProfile, among candidates: [IncidentProfile], limit: Int) -> [SimilarIncident] {
        rank(incident, among: candidates, limit: limit, completing: { $0 })
    }

    /// ``rank(_:among:limit:)`` for candidates that may lack their titles.
    /// - Parameter completing: the whole profile of a candidate whose words are about to be
    ///   compared. Everything else is judged on a candidate's id, start, causes, services and tags,
    ///   so a caller may pass the candidates without their titles and read those here, only for
    ///   the few that can still make the list.
    public static func rank(_ incident: IncidentProfile, among candidates: [IncidentProfile], limit: Int,
                            completing: (IncidentProfile) throws -> IncidentProfile) rethrows -> [SimilarIncident] {
        func ordered(_ lhs: SimilarIncident, _ rhs: SimilarIncident) -> Bool {
            (lhs.score, lhs.incident.startedAt, rhs.incident.id) > (rhs.score, rhs.incident.startedAt, lhs.incident.id)
        }
        // Everything but the words first, best first; words (at most maximumWordPoints) are then
        // added candidate by candidate until no later one could reach the last place kept.
        let structural = candidates.compactMap { candidate -> (IncidentProfile, [(reason: SimilarityReason, points: Double)], Double)? in
            guard candidate.startedAt < incident.startedAt, candidate.id != incident.id else { return nil }
            let reasons = structuralReasons(incident, candidate)
            return (candidate, reasons, reasons.map(\.points).reduce(0, +))
        }.sorted { $0.2 > $1.2 }
        let ourWords = incident.words
        var kept: [SimilarIncident] = []
        for (candidate, reasons, points) in structural {
            if kept.count >= limit, let last = kept.last, points + maximumWordPoints < last.score { break }
            let whole = try completing(candidate)
            let all = strongestFirst(reasons + wordReason(ourWords, whole.words))
            guard !all.isEmpty else { continue }
            kept.append(SimilarIncident(incident: whole, score: all.map(\.points).reduce(0, +), reasons: all))
            kept.sort(by: ordered)
            if kept.count > max(0, limit) { kept.removeLast() }
        }
        return kept
    }

    /// What `candidate` shares with `incident`, strongest first.
    public static func reasons(_ incident: IncidentProfile, _ candidate: IncidentProfile) -> [(reason: SimilarityReason, points: Double)] {
        strongestFirst(structuralReasons(incident, candidate) + wordReason(incident.words, candidate.words))
    }

    /// The shared causes, services and tags.
    private static func structuralReasons(_ incident: IncidentProfile, _ candidate: IncidentProfile) -> [(reason: SimilarityReason, points: Double)] {
        var reasons: [(reason: SimilarityReason, points: Double)] = []
        var sameAreas: Set<String> = []
        for cause in incident.causes where candidate.causes.contains(cause) {
            reasons.append((.sameCause(cause), sameCausePoints))
            sameAreas.insert(RepeatIndex.pathAndAncestors(cause)[0])
        }
        // Related paths count once per top-level area, by the closest pair, and not at all in an
        // area where the two already share a path.
        var related: [String: (common: String, ours: String, theirs: String, depth: Int)] = [:]
        for cause in incident.causes where !candidate.causes.contains(cause) {
            let ours = RepeatIndex.pathAndAncestors(cause)
            guard !sameAreas.contains(ours[0]) else { continue }
            for theirs in candidate.causes {
                let shared = zip(ours, RepeatIndex.pathAndAncestors(theirs)).prefix { $0 == $1 }.count
                if shared > 0, shared > (related[ours[0]]?.depth ?? 0) {
                    related[ours[0]] = (ours[shared - 1], cause, theirs, shared)
                }
            }
        }
        for (_, best) in related.sorted(by: { $0.key < $1.key }) {
            reasons.append((.relatedCause(common: best.common, ours: best.ours, theirs: best.theirs),
                            Double(best.depth) * relatedCausePointsPerSegment))
        }
        for service in incident.services where candidate.services.contains(service) {
            reasons.append((.sharedService(service), servicePoints))
        }
        for tag in incident.tags where candidate.tags.contains(tag) {
            reasons.append((.sharedTag(tag), tagPoints))
        }
        return reasons
    }

    /// The shared words, if any.
    private static func wordReason(_ ours: Set<String>, _ theirs: Set<String>) -> [(reason: SimilarityReason, points: Double)] {
        let words = ours.intersection(theirs).sorted()
        return words.isEmpty ? [] : [(.sharedWords(words), min(maximumWordPoints, Double(words.count) * wordPoints))]
    }

    /// Highest points first, ties in the order given.
    private static func strongestFirst(_ reasons: [(reason: SimilarityReason, points: Double)]) -> [(reason: SimilarityReason, points: Double)] {
        reasons.enumerated().sorted { ($0.element.points, $1.offset) > ($1.element.points, $0.offset) }.map(\.element)
    }
}
