import HindsightCore
import Testing
@testable import HindsightStore

/// The follow-through of a period reads only the actions that can count in it; it must give
/// exactly the figures computed from every action.
struct FollowThroughReadTests {
    @Test func theNarrowReadGivesTheFiguresOfTheWholeHistory() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let history = try SyntheticHistory(incidents: 400, services: 6, years: 3, seed: 9)
        var text = ""
        history.writeJSON(to: &text)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(text.utf8), file: "history.json"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2026-01-01T00:00:00Z"))
        // Actions added later to old incidents, some completed since: created when added.
        let incidents = try knowledgeBase.incidentSummaries(matching: IncidentFilter())
        for (number, incident) in incidents.prefix(40).enumerated() {
            let added = try Instant(parsing: "2025-0\(number % 9 + 1)-15T12:00:00Z")
            let action = try knowledgeBase.addAction(RemediationAction(id: "late-\(number)", title: "Late", kind: .process),
                                                     toIncident: incident.id, actor: "test", now: added, note: nil)
            if number % 2 == 0 {
                let done = added.adding(seconds: Int64(number) * 86_400)
                try knowledgeBase.changeAction(ActionReference(incidentID: incident.id, actionID: action.action.id),
                                               actor: "test", now: done, note: nil) { try ActionChange.markDone($0, at: done) }
            }
        }
        let everything = try knowledgeBase.trackedActions()
        let ineffective = try knowledgeBase.ineffectiveActions()
        #expect(!ineffective.isEmpty)
        var periods: [FollowThroughPeriod] = [FollowThroughPeriod(first: nil, last: try CalendarDate(parsing: "2025-12-31"))]
        for year in 2023...2025 {
            for (first, last) in [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")] {
                periods.append(FollowThroughPeriod(first: try CalendarDate(parsing: "\(year)-\(first)"),
                                                   last: try CalendarDate(parsing: "\(year)-\(last)")))
            }
        }
        var flagged = 0
        for period in periods {
            for grouping in [nil, FollowThroughGrouping.owner, .team] {
                let narrow = try knowledgeBase.followThrough(period: period, grouping: grouping)
                let whole = FollowThroughBuilder.build(actions: everything, ineffective: ineffective, period: period, grouping: grouping)
                #expect(narrow.total == whole.total, "\(period)")
                #expect(narrow.groups.filter { $0.figures != FollowThroughFigures() }
                        == whole.groups.filter { $0.figures != FollowThroughFigures() }, "\(period) \(String(describing: grouping))")
                #expect(narrow.didNotPreventRepeat == whole.didNotPreventRepeat)
            }
            flagged += try knowledgeBase.followThrough(period: period, grouping: nil).total.didNotPreventRepeat
        }
        // The comparison covered flagged actions, open and overdue ones, and added ones.
        #expect(flagged > 0)
    }
}
