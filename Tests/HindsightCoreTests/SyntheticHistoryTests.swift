import Testing
@testable import HindsightCore

/// The synthetic history: streamed text identical to the whole-document writer, records that the
/// strict decoder accepts, the variety the generator promises, and determinism by seed.
struct SyntheticHistoryTests {
    static func text(_ history: SyntheticHistory) -> String {
        var output = ""
        history.writeJSON(to: &output)
        return output
    }

    @Test(arguments: [(0, 1), (1, 1), (60, 7)])
    func streamedTextEqualsTheWholeDocumentWriter(incidents: Int, services: Int) throws {
        let history = try SyntheticHistory(incidents: incidents, services: services, years: 2, seed: 3)
        let whole = JSONWriter.string(InterchangeEncoder.document(
            services: history.services, slas: history.slas, maintenance: Array(history.maintenance),
            incidents: Array(history.incidents)))
        #expect(Self.text(history) == whole)
    }

    @Test func generatedRecordsPassTheDecoderWithTheVarietyPromised() throws {
        let history = try SyntheticHistory(incidents: 600, services: 12, years: 3, seed: 11)
        let document = try InterchangeDecoder.decode(Array(Self.text(history).utf8), file: "history.json")
        #expect(document.services.count == 12)
        #expect(document.incidents.count == 600)
        #expect(!document.maintenance.isEmpty)
        let slas = document.slas.map(\.value)
        #expect(Set(slas.map(\.window)) == Set(WindowKind.allCases))
        #expect(Set(slas.map(\.timeZone)).count >= 5)
        #expect(slas.contains { if case .fixed = $0.allowance { return true } else { return false } })
        #expect(slas.contains { if case .objective = $0.allowance { return true } else { return false } })
        #expect(slas.contains { !$0.credits.isEmpty } && slas.contains { $0.credits.isEmpty })
        #expect(slas.contains { $0.partial == .full })

        let incidents = document.incidents.map(\.value)
        #expect(incidents.allSatisfy { $0.state == .resolved })
        #expect(Set(incidents.map(\.id)).count == incidents.count)
        let impacts = incidents.flatMap(\.impacts)
        #expect(impacts.allSatisfy { $0.end != nil })
        #expect(impacts.contains { $0.fraction == 1 } && impacts.contains { $0.fraction < 1 })
        #expect(incidents.contains { $0.nearMiss })
        #expect(incidents.allSatisfy { (1...4).contains($0.factors.count) && (1...5).contains($0.actions.count) })
        let factors = incidents.flatMap(\.factors)
        #expect(Set(factors.map(\.role)) == Set(FactorRole.allCases))
        #expect(factors.contains { $0.role == .latent && $0.introducedAt != nil })
        #expect(Set(factors.compactMap(\.introducedAt?.precision)) == ["year", "month", "day", "instant"])
        #expect(Set(factors.map { $0.cause.split(separator: "/").count }) == [2, 3])
        let actions = incidents.flatMap(\.actions)
        #expect(Set(actions.map(\.status)) == Set(ActionStatus.allCases))
        #expect(Set(actions.map(\.kind)) == Set(ActionKind.allCases))
        #expect(Set(actions.map(\.priority)) == Set(ActionPriority.allCases))
        #expect(actions.contains { $0.due != nil } && actions.contains { $0.due == nil })
        #expect(actions.contains { !$0.addresses.isEmpty } && actions.contains { $0.addresses.isEmpty })
        #expect((2...8).contains(Set(actions.compactMap(\.owner)).count))
        #expect(incidents.allSatisfy { $0.timeline.count >= 2 })
        #expect(incidents.allSatisfy { incident in
            zip(incident.timeline, incident.timeline.dropFirst()).allSatisfy { $0.at <= $1.at }
        })
    }

    @Test func durationsAreSkewedAndSomeIncidentsOverlapOnOneService() throws {
        let history = try SyntheticHistory(incidents: 2000, services: 12, years: 3, seed: 5)
        let incidents = Array(history.incidents)
        let minutes = incidents.compactMap { incident in
            incident.mitigatedAt.map { $0.seconds(since: incident.startedAt) / 60 }
        }.sorted()
        #expect(minutes[minutes.count / 2] < 60)
        #expect(minutes.filter { $0 >= 240 }.count >= 20)
        #expect(minutes.filter { $0 >= 240 }.count < minutes.count / 10)

        var overlapping = 0
        var lastEnd: [String: Instant] = [:]
        for impact in incidents.flatMap(\.impacts).sorted(by: { $0.start < $1.start }) {
            if let end = lastEnd[impact.serviceID], impact.start < end { overlapping += 1 }
            if let end = impact.end { lastEnd[impact.serviceID] = max(end, lastEnd[impact.serviceID] ?? end) }
        }
        #expect(overlapping >= 20)
        #expect(zip(incidents, incidents.dropFirst()).filter { $0.startedAt > $1.startedAt }.count < 200)
    }

    /// A follow-on incident starts during the one before it, and that one may run past the end of
    /// 2025: every incident still starts within the years asked for. With seed 2, 100 000
    /// incidents in 2025 (one every five minutes or so) put a follow-on at 01:03 on 1 January 2026.
    @Test func everyIncidentStartsWithinTheYearsAskedFor() throws {
        let history = try SyntheticHistory(incidents: 100_000, services: 12, years: 1, seed: 2)
        let first = Instant(millisecondsSinceEpoch: CivilCalendar.daysSinceEpoch(year: 2025, month: 1, day: 1)
                            * Instant.millisecondsPerDay)
        let end = Instant(millisecondsSinceEpoch: CivilCalendar.daysSinceEpoch(year: 2026, month: 1, day: 1)
                          * Instant.millisecondsPerDay)
        var outside: [String] = []
        for incident in history.incidents where incident.startedAt < first || incident.startedAt >= end {
            outside.append(incident.id)
        }
        #expect(outside.isEmpty)
    }

    @Test func theSeedFixesTheBytesAndMoreIncidentsKeepTheSameServices() throws {
        let first = Self.text(try SyntheticHistory(incidents: 50, services: 9, years: 4, seed: 42))
        let again = Self.text(try SyntheticHistory(incidents: 50, services: 9, years: 4, seed: 42))
        let other = Self.text(try SyntheticHistory(incidents: 50, services: 9, years: 4, seed: 43))
        #expect(first == again)
        #expect(first != other)
        let small = try SyntheticHistory(incidents: 5, services: 9, years: 4, seed: 42)
        let large = try SyntheticHistory(incidents: 500, services: 9, years: 4, seed: 42)
        #expect(small.services == large.services)
        #expect(small.slas == large.slas)
        #expect(Array(small.maintenance) == Array(large.maintenance))
    }

    @Test func theGeneratorIsAPlainSplitMix64() {
        // The first outputs for seed 0 of the published reference implementation.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var bounded = SplitMix64(seed: 9)
        #expect((0..<1000).allSatisfy { _ in (0..<7).contains(bounded.below(7)) })
    }

    @Test(arguments: [(-1, 12, 3), (10, 0, 3), (10, 12, 0), (10, 1001, 3), (10, 12, 101)])
    func countsOutsideTheirRangesAreRefused(incidents: Int, services: Int, years: Int) {
        #expect(throws: ValueParseError.self) {
            try SyntheticHistory(incidents: incidents, services: services, years: years, seed: 1)
        }
    }
}
