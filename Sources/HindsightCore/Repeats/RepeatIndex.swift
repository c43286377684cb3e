/// Finds repeats among factor occurrences.
///
/// The rule: a factor of incident B repeats a factor of incident A when A started strictly
/// before B, both incidents hit a common service, and B's cause path is A's or lies below it
/// segment by segment (`cache` is repeated by `cache/key`, not by `caches`). A factor never
/// repeats a factor of its own incident. Incidents without impacts (near misses) hit no service,
/// so they neither repeat nor are repeated.
///
/// The index answers from the occurrences it was given, so a caller may hand it only the rows
/// that can matter for one question.
public struct RepeatIndex: Sendable {
    private struct Key: Hashable, Sendable {
        let service: String
        let cause: String
    }

    /// The occurrences given, which the lists below point into: a position is one word where a
    /// copy of an occurrence would be four references to count, and an index of a long history
    /// holds several lists per occurrence.
    private let occurrences: [FactorOccurrence]
    /// Positions of occurrences by service and exact cause path, in the order given (answers are sorted after).
    private var byExactCause: [Key: [Int]] = [:]
    /// Positions of occurrences by service and every ancestor of their cause path (the path
    /// itself included), each list sorted by incident start so that ``firstRepeat(of:after:)``
    /// can search it.
    private var byCoveringCause: [Key: [Int]] = [:]
    /// The earliest incident start by service and exact cause path.
    private var earliestStart: [Key: Instant] = [:]

    /// Indexes `occurrences`.
    public init(_ occurrences: [FactorOccurrence]) {
        self.occurrences = occurrences
        for (position, occurrence) in occurrences.enumerated() {
            let paths = Self.pathAndAncestors(occurrence.cause)
            for service in occurrence.services {
                let key = Key(service: service, cause: occurrence.cause)
                byExactCause[key, default: []].append(position)
                earliestStart[key] = min(earliestStart[key] ?? occurrence.incidentStartedAt, occurrence.incidentStartedAt)
                for path in paths {
                    byCoveringCause[Key(service: service, cause: path), default: []].append(position)
                }
            }
        }
        // Callers usually pass occurrences in start order already; sorting makes it a promise.
        for key in byCoveringCause.keys {
            byCoveringCause[key]?.sort { Self.precedes(occurrences[$0], occurrences[$1]) }
        }
    }

    /// The earlier factors that `later` repeats, oldest first.
    public func repeated(by later: FactorOccurrence) -> [RepeatLink] {
        var shared: [FactorOccurrence: [String]] = [:]
        for service in later.services {
            for ancestor in Self.pathAndAncestors(later.cause) {
                for position in byExactCause[Key(service: service, cause: ancestor)] ?? [] {
                    let earlier = occurrences[position]
                    guard earlier.incidentStartedAt < later.incidentStartedAt, earlier.incidentID != later.incidentID else { continue }
                    shared[earlier, default: []].append(service)
                }
            }
        }
        return Self.links(shared) { RepeatLink(earlier: $0, later: later, sharedServices: $1) }
    }

    /// Whether `later` repeats any earlier factor: the same answer as `!repeated(by: later).isEmpty`,
    /// found without listing the links. An earlier start is enough: a factor of the same incident
    /// has the same start, so it is never earlier.
    public func repeatsAny(_ later: FactorOccurrence) -> Bool {
        for service in later.services {
            for ancestor in Self.pathAndAncestors(later.cause) {
                if let earliest = earliestStart[Key(service: service, cause: ancestor)], earliest < later.incidentStartedAt {
                    return true
                }
            }
        }
        return false
    }

    /// The later factors that repeat `earlier`, oldest first.
    public func repeats(of earlier: FactorOccurrence) -> [RepeatLink] {
        var shared: [FactorOccurrence: [String]] = [:]
        for service in earlier.services {
            for position in byCoveringCause[Key(service: service, cause: earlier.cause)] ?? [] {
                let later = occurrences[position]
                guard later.incidentStartedAt > earlier.incidentStartedAt, later.incidentID != earlier.incidentID else { continue }
                shared[later, default: []].append(service)
            }
        }
        return Self.links(shared) { RepeatLink(earlier: earlier, later: $0, sharedServices: $1) }
    }

    /// The first repeat of `earlier` (by incident start, then incident and factor id) whose
    /// incident started strictly after `instant`, or nil: the first element of
    /// ``repeats(of:)`` that began after `instant`, found without listing every repeat.
    public func firstRepeat(of earlier: FactorOccurrence, after instant: Instant) -> RepeatLink? {
        let threshold = max(instant, earlier.incidentStartedAt)
        var best: FactorOccurrence?
        for service in earlier.services {
            guard let positions = byCoveringCause[Key(service: service, cause: earlier.cause)] else { continue }
            // The lists are sorted by incident start: find the first one after the threshold.
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if occurrences[positions[middle]].incidentStartedAt > threshold { high = middle } else { low = middle + 1 }
            }
            var index = low
            while index < positions.count {
                let candidate = occurrences[positions[index]]
                if let current = best, candidate.incidentStartedAt > current.incidentStartedAt { break }
                if candidate.incidentID != earlier.incidentID, best.map({ Self.precedes(candidate, $0) }) ?? true {
                    best = candidate
                }
                index += 1
                if index < positions.count, occurrences[positions[index]].incidentStartedAt > candidate.incidentStartedAt { break }
            }
        }
        guard let later = best else { return nil }
        return RepeatLink(earlier: earlier, later: later,
                          sharedServices: earlier.services.filter(later.services.contains))
    }

    private static func precedes(_ left: FactorOccurrence, _ right: FactorOccurrence) -> Bool {
        (left.incidentStartedAt, left.incidentID, left.factorID) < (right.incidentStartedAt, right.incidentID, right.factorID)
    }

    /// `path` and each path above it, shortest first: `a/b/c` gives `a`, `a/b`, `a/b/c`.
    public static func pathAndAncestors(_ path: String) -> [String] {
        var result: [String] = []
        // Cause paths are ASCII: cut them at the bytes of '/', which costs far less than walking
        // characters. Other text (never a valid cause path) is cut at '/' characters.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = path.utf8
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") { result.append(String(path[..<index])) }
        } else {
            for index in path.indices where path[index] == "/" { result.append(String(path[..<index])) }
        }
        result.append(path)
        return result
    }

    /// The other side of each link, sorted by incident start, with the services it shares.
    private static func links(_ shared: [FactorOccurrence: [String]],
                              make: (FactorOccurrence, [String]) -> RepeatLink) -> [RepeatLink] {
        shared.sorted {
            ($0.key.incidentStartedAt, $0.key.incidentID, $0.key.factorID)
                < ($1.key.incidentStartedAt, $1.key.incidentID, $1.key.factorID)
        }
        .map { make($0.key, Array(Set($0.value)).sorted()) }
    }
}
