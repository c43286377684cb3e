import HindsightCore
import Testing
@testable import HindsightStore

/// The follow-through of a period reads only the actions that can count in it; it must give
/// exactly the figures computed from every action.
struct FollowThroughReadTests {
    @Test func theNarrowReadGivesTheFiguresOfTheWholeHistory() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try syntheticKnowledgeBase(in: folder, incidents: 400, services: 6, years: 3, seed: 9)
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
        // From the first incident's day no incident lies before the period, as for the whole
        // history: the actions are read once, for the repeats and the figures.
        let firstDay = try #require(incidents.map(\.startedAt).min()).utcDate
        for last in ["2023-06-30", "2025-12-31"] {
            periods.append(FollowThroughPeriod(first: firstDay, last: try CalendarDate(parsing: last)))
        }
        for year in 2023...2025 {
            for (first, last) in [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")] {
                periods.append(FollowThroughPeriod(first: try CalendarDate(parsing: "\(year)-\(first)"),
                                                   last: try CalendarDate(parsing: "\(year)-\(last)")))
            }
        }
        // Months judge repeats against a window that reaches back further than the period itself,
        // and a report cut off at noon counts actions of incidents that started after the cut on
        // the judged day.
        for year in 2023...2025 {
            for month in 1...12 {
                func firstDay(_ year: Int, _ month: Int) throws -> CalendarDate {
                    try CalendarDate(parsing: "\(year)-\(month < 10 ? "0" : "")\(month)-01")
                }
                let first = try firstDay(year, month)
                let next = month == 12 ? try firstDay(year + 1, 1) : try firstDay(year, month + 1)
                periods.append(FollowThroughPeriod(first: first, last: next.adding(days: -1)))
            }
        }
        periods.append(FollowThroughPeriod(
            reportSpan: InstantSpan(start: try Instant(parsing: "2025-04-01T00:00:00Z"), end: try Instant(parsing: "2025-07-01T00:00:00Z")),
            asOf: try Instant(parsing: "2025-05-20T12:00:00Z")))
        var flagged = 0
        // The repeats are read either at once (little history before the period) or through the
        // narrow window: both must give the rule's findings over everything.
        for (period, wholeReadLimit) in periods.flatMap({ [($0, 0), ($0, IneffectiveActionReader.wholeReadLimit)] }) {
            for grouping in [nil, FollowThroughGrouping.owner, .team] {
                let narrow = try knowledgeBase.followThrough(period: period, grouping: grouping, wholeReadLimit: wholeReadLimit)
                let whole = FollowThroughBuilder.build(actions: everything, ineffective: ineffective, period: period, grouping: grouping)
                #expect(narrow.total == whole.total, "\(period)")
                #expect(narrow.groups.filter { $0.figures != FollowThroughFigures() }
                        == whole.groups.filter { $0.figures != FollowThroughFigures() }, "\(period) \(String(describing: grouping))")
                #expect(narrow.didNotPreventRepeat == whole.didNotPreventRepeat)
            }
            flagged += try knowledgeBase.followThrough(period: period, grouping: nil, wholeReadLimit: wholeReadLimit)
                .total.didNotPreventRepeat
        }
        // The comparison covered flagged actions, open and overdue ones, and added ones.
        #expect(flagged > 0)
    }

    @Test func theOverdueReadGivesTheActionsTheRuleFindsAmongAll() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try syntheticKnowledgeBase(in: folder, incidents: 300, services: 5, years: 2, seed: 4)
        let everything = try knowledgeBase.trackedActions()
        var found = 0
        for text in ["2024-03-01", "2024-09-15", "2025-01-01", "2025-06-30", "2025-12-31", "2027-01-01"] {
            let day = try CalendarDate(parsing: text)
            var filter = ActionFilter()
            filter.overdueOn = day
            let overdue = try knowledgeBase.trackedActions(matching: filter)
            #expect(overdue == everything.filter { $0.isOverdue(on: day) }, "\(day)")
            found += overdue.count
        }
        #expect(found > 0)
    }

    /// A knowledge base in `folder` holding a synthetic history, imported as of 2026-01-01.
    private func syntheticKnowledgeBase(in folder: TemporaryDirectory, incidents: Int, services: Int, years: Int,
                                        seed: UInt64) throws -> KnowledgeBase {
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        var text = ""
        try SyntheticHistory(incidents: incidents, services: services, years: years, seed: seed).writeJSON(to: &text)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(text.utf8), file: "history.json"),
                                            replace: false, actor: "test", now: try Instant(parsing: "2026-01-01T00:00:00Z"))
        return knowledgeBase
    }
}
