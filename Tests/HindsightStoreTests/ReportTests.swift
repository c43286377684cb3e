import Foundation
import GRDB
import HindsightCore
import Testing
@testable import HindsightStore

/// Reports read from a real file holding the seed postmortems, against figures worked out by hand.
struct ReportTests {
    private func seeded() throws -> (TemporaryDirectory, KnowledgeBase) {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        _ = try knowledgeBase.importRecords(try SeedDocuments.all(), replace: false, actor: "test", now: SeedDocuments.now)
        return (folder, knowledgeBase)
    }

    @Test func theURLShortenersYearIsBreachedByEightMinutes() throws {
        let (_, knowledgeBase) = try seeded()
        let report = try knowledgeBase.slaReport(period: try ReportPeriod(year: "2023"), calendar: try LocalCalendar(timeZoneName: "UTC"),
                                                 asOf: try Instant(parsing: "2024-01-01T00:00:00Z"), serviceIDs: ["url-shortener"])
        let section = try #require(report.services.first)
        #expect(report.services.count == 1)
        #expect(section.periodDowntimeSeconds == 1_380)   // 14:00–14:23 UTC, full outage
        let year = try #require(section.windows.first)
        #expect(section.windows.count == 1)
        #expect(year.allowedDowntimeSeconds == 900)
        #expect(year.downtimeSeconds == 1_380)
        #expect(year.budgetRemainingSeconds == -480)
        #expect(year.isBreached)
        #expect(report.incidents.map(\.facts.id) == ["2023-05-16-url-shortener-json-load"])
        #expect(report.incidents.first?.contributedToBreach == true)
    }

    @Test func theCatalogueOverloadBreachesOctoberInPrague() throws {
        let (_, knowledgeBase) = try seeded()
        let report = try knowledgeBase.slaReport(
            period: try ReportPeriod(quarter: "2019Q4"), calendar: try LocalCalendar(timeZoneName: "Europe/Prague"),
            asOf: try Instant(parsing: "2019-12-31T23:00:00Z"), serviceIDs: ["catalogue-api"])
        let section = try #require(report.services.first)
        // 19:00–20:15 +01:00 at 0.8: 4500 s × 0.8 = 3600 s.
        #expect(section.periodDowntimeSeconds == 3_600)
        #expect(section.windows.map(\.window.label) == ["2019-10", "2019-11", "2019-12"])
        let october = section.windows[0]
        // October in Prague has 31 days + 1 hour = 2682000 s; 0.1 % of it is 2682 s.
        #expect(october.windowSeconds == 2_682_000)
        #expect(october.allowedDowntimeSeconds == 2_682)
        #expect(october.isBreached)
        #expect(abs(try #require(october.availabilityPercent) - (100 - 360_000.0 / 2_682_000)) < 1e-12)
        #expect(october.creditPercent == 10)   // 99.866 % is below the 99.9 tier only
        #expect(section.windows[1].downtimeSeconds == 0 && !section.windows[1].isBreached)
        // Detected after 1 minute, mitigated after 75, resolved after 95.
        #expect(report.timing.toDetect.median == 60)
        #expect(report.timing.toMitigate.median == 4_500)
        #expect(report.timing.toResolve.median == 5_700)
        // Seven distinct cause paths share the hour equally.
        #expect(report.causes.count == 7)
        #expect(abs(report.causes.map(\.downtimeSeconds).reduce(0, +) - 3_600) < 1e-9)
    }

    @Test func aReportReadsOnlyImpactsNearThePeriod() throws {
        let folder = try TemporaryDirectory()
        let knowledgeBase = try KnowledgeBase.open(at: folder.file("kb.sqlite"), access: .readWrite)
        let yaml = """
            version: 1
            services: [{id: api, name: API}]
            incidents:
              - {id: old, title: Old, started_at: 2019-01-01T00:00:00Z, resolved_at: 2019-01-01T01:00:00Z,
                 impacts: [{service: api, start: 2019-01-01T00:00:00Z, end: 2019-01-01T01:00:00Z}]}
              - {id: long, title: Long, started_at: 2019-09-30T00:00:00Z, resolved_at: 2019-10-02T00:00:00Z,
                 impacts: [{service: api, start: 2019-09-30T00:00:00Z, end: 2019-10-02T00:00:00Z, fraction: 0.5}]}
              - {id: ongoing, title: Ongoing, started_at: 2019-12-31T23:00:00Z,
                 impacts: [{service: api, start: 2019-12-31T23:00:00Z}]}
              - {id: later, title: Later, started_at: 2020-02-01T00:00:00Z, resolved_at: 2020-02-01T01:00:00Z,
                 impacts: [{service: api, start: 2020-02-01T00:00:00Z, end: 2020-02-01T01:00:00Z}]}
            """
        _ = try knowledgeBase.importRecords(try InterchangeDecoder.decode(Array(yaml.utf8), file: "t.yaml"),
                                            replace: false, actor: "test", now: SeedDocuments.now)
        let span = InstantSpan(start: try Instant(parsing: "2019-10-01T00:00:00Z"), end: try Instant(parsing: "2020-01-01T00:00:00Z"))
        let loaded = try DatabaseQueue(path: folder.file("kb.sqlite")).read { db in
            try HistoryReader.impacts(db, serviceID: "api", span: span)
        }
        #expect(Set(loaded.map(\.incidentID)) == ["long", "ongoing"])
        let report = try knowledgeBase.slaReport(period: try ReportPeriod(quarter: "2019Q4"), calendar: try LocalCalendar(timeZoneName: "UTC"),
                                                 asOf: try Instant(parsing: "2020-01-01T00:00:00Z"), serviceIDs: [])
        // One day of the long impact at 0.5 (43200 s) plus the last hour, still ongoing (3600 s).
        #expect(report.services.first?.periodDowntimeSeconds == 46_800)
    }

    @Test func anUnknownServiceIsRefused() throws {
        let (_, knowledgeBase) = try seeded()
        #expect(throws: ReportError.unknownService("nope")) {
            try knowledgeBase.slaReport(period: try ReportPeriod(year: "2023"), calendar: try LocalCalendar(timeZoneName: "UTC"),
                                        asOf: try Instant(parsing: "2024-01-01T00:00:00Z"), serviceIDs: ["nope"])
        }
    }

    @Test func budgetsShowEachSLAsCurrentWindow() throws {
        let (_, knowledgeBase) = try seeded()
        let reading = try knowledgeBase.budgets(asOf: try Instant(parsing: "2023-05-16T15:00:00Z"), serviceIDs: ["url-shortener"])
        let statuses = reading.statuses
        #expect(reading.slas.map(\.serviceID) == ["url-shortener"])
        let status = try #require(statuses.first)
        #expect(statuses.count == 1)
        #expect(status.evaluation.window.label == "2023")
        #expect(status.evaluation.downtimeSeconds == 1_380)
        // 900 s of budget were gone 15 minutes into the outage.
        #expect(status.outlook == .exhausted(at: try Instant(parsing: "2023-05-16T14:15:00Z")))
    }
}
