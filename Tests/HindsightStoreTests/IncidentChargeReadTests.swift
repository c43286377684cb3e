import Foundation
import HindsightCore
import Testing
@testable import HindsightStore

/// What one incident cost each SLA window, read from a real file, against figures worked out by
/// hand and against the report for the same window.
struct IncidentChargeReadTests {
    /// The history of Tests/Fixtures/incident-charges.yaml, shared with the end-to-end tests; its
    /// header gives each service's SLA and the allowances worked out by hand.
    private static var yaml: String {
        get throws {
            try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/incident-charges.yaml").path, encoding: .utf8)
        }
    }

    private func knowledgeBase() throws -> (TemporaryDirectory, KnowledgeBase) {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(try Self.yaml.utf8), file: "t.yaml"),
                                            replace: false, actor: "test", now: SeedDocuments.now)
        return (folder, knowledgeBase)
    }

    @Test func anIncidentAcrossAMonthEndIsChargedPerServiceAndWindow() throws {
        let (_, knowledgeBase) = try knowledgeBase()
        let charges = try #require(try knowledgeBase.slaCharges(incident: "cross", asOf: SeedDocuments.now))
        try #require(charges.map { "\($0.serviceID) \($0.evaluation.window.label)" }
                == ["api 2019-10", "api 2019-11", "web 2019-10", "web 2019-11"])
        // api, October: 22:30–23:00Z down fully, 1800 s; 22:30–22:45 overlaps `overlap`'s 0.5 but
        // the level 1 is cross's alone. The window also holds overlap's 22:00–22:30 at 0.5 = 900 s:
        // 2700 s > 2682 s, breached.
        // api, November: 23:00–23:45Z less the maintenance from 23:30 = 1800 s of 2592 s, met.
        // web (partial: full): 23:30–00:00Z and 00:00–00:30Z at 0.5 count fully: 1800 s each.
        #expect(charges.map(\.downtimeSeconds) == [1_800, 1_800, 1_800, 1_800])
        #expect(charges.map(\.allowedDowntimeSeconds) == [2_682, 2_592, 2_678.4, 2_592])
        #expect(charges.map(\.evaluation.downtimeSeconds) == [2_700, 1_800, 1_800, 1_800])
        #expect(charges.map(\.isBreached) == [true, false, false, false])
        #expect(abs(charges[0].budgetConsumedPercent - 180_000 / 2_682.0) < 1e-9)
        // lone has no SLA: no window.
        let overlap = try #require(try knowledgeBase.slaCharges(incident: "overlap", asOf: SeedDocuments.now))
        #expect(overlap.map(\.downtimeSeconds) == [900])
        #expect(overlap.first?.isBreached == true)
    }

    @Test func noImpactOrNoSLAMeansNoWindowAndAnUnknownIncidentIsNil() throws {
        let (_, knowledgeBase) = try knowledgeBase()
        #expect(try knowledgeBase.slaCharges(incident: "2016-10-12-falcon-logging-near-miss", asOf: SeedDocuments.now)?.isEmpty == true)
        #expect(try knowledgeBase.slaCharges(incident: "unguarded", asOf: SeedDocuments.now)?.isEmpty == true)
        #expect(try knowledgeBase.slaCharges(incident: "nope", asOf: SeedDocuments.now) == nil)
    }

    /// Every incident's charge in a window equals what the report for that window (period = the
    /// window, in its zone, narrowed to the service) gives the incident, where the SLA weighs by
    /// the recorded fractions as the report's incident figures do; and under any policy the
    /// charges of a window's incidents add up to the window's downtime in the report.
    @Test func chargesAgreeWithTheReportForTheSameWindow() throws {
        let (_, knowledgeBase) = try knowledgeBase()
        let ids = try knowledgeBase.incidentSummaries(matching: IncidentFilter()).map(\.id)
        var charged: [String: (sum: Double, window: SLAWindow, service: String)] = [:]
        var compared = 0
        for id in ids {
            for charge in try #require(try knowledgeBase.slaCharges(incident: id, asOf: SeedDocuments.now)) {
                let window = charge.evaluation.window
                let report = try knowledgeBase.slaReport(
                    period: try ReportPeriod(from: window.firstDay, through: window.nextFirstDay.adding(days: -1)),
                    calendar: try LocalCalendar(timeZoneName: window.timeZoneName), asOf: SeedDocuments.now,
                    serviceIDs: [charge.serviceID])
                if charge.evaluation.sla.partial == .weighted {
                    let line = try #require(report.incidents.first { $0.facts.id == id })
                    #expect(line.downtimeSeconds == charge.downtimeSeconds, "\(id) \(charge.serviceID) \(window.label)")
                    compared += 1
                }
                let reported = try #require(report.services.first?.windows.first { $0.window == window })
                #expect(reported.downtimeSeconds == charge.evaluation.downtimeSeconds)
                let key = "\(charge.serviceID) \(window.label)"
                charged[key, default: (0, window, charge.serviceID)].sum += charge.downtimeSeconds
            }
        }
        // cross and overlap in api's two windows, and the seeds' catalogue, image and URL
        // shortener incidents.
        #expect(compared == 6)
        #expect(charged.keys.contains("web 2019-10") && charged.keys.contains("flask-website 2021-02"))
        for (key, entry) in charged {
            let report = try knowledgeBase.slaReport(
                period: try ReportPeriod(from: entry.window.firstDay, through: entry.window.nextFirstDay.adding(days: -1)),
                calendar: try LocalCalendar(timeZoneName: entry.window.timeZoneName), asOf: SeedDocuments.now,
                serviceIDs: [entry.service])
            let reported = try #require(report.services.first?.windows.first { $0.window == entry.window })
            #expect(abs(reported.downtimeSeconds - entry.sum) < 1e-9, "\(key)")
        }
    }
}
