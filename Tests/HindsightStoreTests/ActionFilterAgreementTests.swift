import HindsightCore
import Testing
@testable import HindsightStore

/// The action filters that pick in SQL by service, team, cause and due date must keep exactly the
/// actions that the model's own definitions keep: the incident's impacts, ``TrackedAction/teams``
/// (what `followup --by team` groups by), the causes of the addressed factors by the path-prefix
/// rule, and ``TrackedAction/effectiveDue``. A synthetic history gives every combination many times.
struct ActionFilterAgreementTests {
    @Test func theSQLFiltersKeepWhatTheModelsDefinitionsKeep() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let history = try SyntheticHistory(incidents: 300, services: 8, years: 2, seed: 5)
        var text = ""
        history.writeJSON(to: &text)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(text.utf8), file: "history.json"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2026-01-01T00:00:00Z"))
        let everything = try knowledgeBase.trackedActions()
        var incidents: [String: Incident] = [:]
        for summary in try knowledgeBase.incidentSummaries(matching: IncidentFilter()) {
            incidents[summary.id] = try knowledgeBase.incident(id: summary.id)
        }
        func ids(_ actions: [TrackedAction]) -> Set<String> { Set(actions.map(\.globalID)) }
        func picked(_ change: (inout ActionFilter) -> Void) throws -> Set<String> {
            var filter = ActionFilter()
            change(&filter)
            return ids(try knowledgeBase.trackedActions(matching: filter))
        }

        for service in history.services.map(\.id) {
            let expected = everything.filter { incidents[$0.incidentID]?.impacts.contains { $0.serviceID == service } == true }
            #expect(try picked { $0.services = [service] } == ids(expected), "\(service)")
        }
        let teams = try knowledgeBase.serviceTeams()
        #expect(teams.count > 1)
        for team in teams {
            let expected = everything.filter { $0.teams.contains(team) }
            #expect(!expected.isEmpty)
            #expect(try picked { $0.teams = [team] } == ids(expected), "\(team)")
        }
        // Every cause path and each of its ancestors: each path picks the actions addressing a
        // factor with that cause or one under it.
        func causes(of action: TrackedAction) -> [String] {
            let factors = incidents[action.incidentID]?.factors ?? []
            return action.action.addresses.compactMap { id in factors.first { $0.id == id }?.cause }
        }
        let paths = Set(everything.flatMap(causes).flatMap(RepeatIndex.pathAndAncestors))
        #expect(paths.count > 10)
        for path in paths {
            let expected = everything.filter { causes(of: $0).contains { $0 == path || $0.hasPrefix(path + "/") } }
            #expect(try picked { $0.causes = [path] } == ids(expected), "\(path)")
        }
        let dues = Set(everything.compactMap(\.effectiveDue)).sorted()
        #expect(everything.contains { $0.effectiveDue == nil })
        for day in [dues[0], dues[dues.count / 3], dues[dues.count / 2], dues[dues.count - 1]] {
            let expected = everything.filter { $0.effectiveDue.map { $0 <= day } ?? false }
            #expect(try picked { $0.dueBy = day } == ids(expected), "\(day)")
        }
    }
}
