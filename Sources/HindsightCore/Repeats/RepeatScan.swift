/// Tells, in one pass over factor occurrences given in incident-start order, which of them
/// repeat an earlier factor: the answer of ``RepeatIndex/repeatsAny(_:)`` over the whole history,
/// holding only the first start of each service and cause path seen so far rather than every
/// occurrence.
///
/// Why that is enough: an occurrence repeats an earlier factor exactly when, for one of its
/// services and its cause path or a path above it, a factor with that service and that exact path
/// started strictly earlier, and the earliest such start is the only one that can decide it. In
/// start order every factor that started earlier has been seen already; one that started at the
/// same instant (its own incident's among them) is never strictly earlier, so it may be seen
/// before or after without changing the answer.
public struct RepeatScan {
    private struct Key: Hashable {
        let service: String
        let cause: String
    }

    private var firstStart: [Key: Instant] = [:]
    /// ``RepeatIndex/pathAndAncestors(_:)`` by cause: a history has few distinct causes and many factors.
    private var pathsByCause: [String: [String]] = [:]
    private var latestStart: Instant?

    /// A scan that has seen nothing yet.
    public init() {}

    /// Whether `occurrence` repeats a factor seen before it; it is then counted as seen.
    /// - Precondition: `occurrence` started no earlier than any occurrence given before it.
    public mutating func repeatsEarlier(_ occurrence: FactorOccurrence) -> Bool {
        let start = occurrence.incidentStartedAt
        precondition(latestStart.map { $0 <= start } ?? true, "RepeatScan needs occurrences in incident-start order")
        latestStart = start
        let paths = pathsByCause[occurrence.cause] ?? {
            let paths = RepeatIndex.pathAndAncestors(occurrence.cause)
            pathsByCause[occurrence.cause] = paths
            return paths
        }()
        var repeats = false
        for service in occurrence.services {
            for path in paths where !repeats {
                if let first = firstStart[Key(service: service, cause: path)], first < start { repeats = true }
            }
            let own = Key(service: service, cause: occurrence.cause)
            if firstStart[own] == nil { firstStart[own] = start }
        }
        return repeats
    }
}
