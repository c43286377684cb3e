import Testing
@testable import HindsightCore

/// Time to detect, mitigate and resolve over a few incidents, each figure worked out by hand in
/// seconds; time to mitigate falls back to the resolution when no mitigation is recorded.
struct IncidentTimingTests {
    private func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    /// All three start at 10:00 UTC. a: detected 10:05, mitigated 10:20, resolved 11:00. b: only
    /// resolved, at 10:30. c: detected 10:01, neither mitigated nor resolved.
    private func incidents() throws -> [IncidentFacts] {
        let start = try instant("2024-03-01T10:00:00Z")
        return [
            IncidentFacts(id: "a", title: "a", startedAt: start, detectedAt: try instant("2024-03-01T10:05:00Z"),
                          mitigatedAt: try instant("2024-03-01T10:20:00Z"), resolvedAt: try instant("2024-03-01T11:00:00Z")),
            IncidentFacts(id: "b", title: "b", startedAt: start, resolvedAt: try instant("2024-03-01T10:30:00Z")),
            IncidentFacts(id: "c", title: "c", startedAt: start, detectedAt: try instant("2024-03-01T10:01:00Z")),
        ]
    }

    @Test func eachFigureCountsTheIncidentsThatRecordIt() throws {
        let timing = IncidentTimingFigures(try incidents())
        // Detect: a 300 s, c 60 s. Sorted 60, 300: median 180; p90 at rank 0.9: 60 + 0.9 × 240 = 276.
        #expect(timing.toDetect.count == 2)
        #expect(timing.toDetect.median == 180)
        #expect(abs((timing.toDetect.p90 ?? 0) - 276) < 1e-9)
        // Mitigate: a 1200 s; b has no mitigation, so its resolution, 1800 s; c neither.
        // Median 1500; p90 1200 + 0.9 × 600 = 1740.
        #expect(timing.toMitigate.count == 2)
        #expect(timing.toMitigate.median == 1_500)
        #expect(abs((timing.toMitigate.p90 ?? 0) - 1_740) < 1e-9)
        // Resolve: a 3600 s, b 1800 s. Median 2700; p90 1800 + 0.9 × 1800 = 3420.
        #expect(timing.toResolve.count == 2)
        #expect(timing.toResolve.median == 2_700)
        #expect(abs((timing.toResolve.p90 ?? 0) - 3_420) < 1e-9)
    }

    @Test func whatCameAtOrAfterTheAsOfInstantHadNotHappened() throws {
        // As of 10:20, a's mitigation at that very instant and both resolutions are later: only
        // the detections count (300 s and 60 s), and nothing has been mitigated or resolved.
        let at1020 = IncidentTimingFigures(try incidents().map { $0.asKnown(before: try instant("2024-03-01T10:20:00Z")) })
        #expect(at1020.toDetect.count == 2)
        #expect(at1020.toMitigate.count == 0 && at1020.toMitigate.median == nil)
        #expect(at1020.toResolve.count == 0)
        // A minute later a's mitigation counts (1200 s); b, resolved at 10:30, still has none.
        let at1021 = IncidentTimingFigures(try incidents().map { $0.asKnown(before: try instant("2024-03-01T10:21:00Z")) })
        #expect(at1021.toMitigate.count == 1)
        #expect(at1021.toMitigate.median == 1_200)
        #expect(at1021.toResolve.count == 0)
    }
}
