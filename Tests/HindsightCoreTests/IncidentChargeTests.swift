import Testing
@testable import HindsightCore

/// What one incident cost each SLA window its impacts reach, against figures worked out by hand
/// in seconds.
struct IncidentChargeTests {
    private func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    private func impact(_ start: String, _ end: String?, _ fraction: Double = 1, _ incident: String = "a") throws
        -> DowntimeInterval {
        DowntimeInterval(start: try instant(start), end: try end.map(instant), fraction: fraction, incidentID: incident)
    }

    private let monthly = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month)

    /// The history loaded as the store loads it: over the span the builder asks for.
    private func charges(_ incident: String = "a", slas: [ServiceLevelAgreement], impacts: [DowntimeInterval],
                         maintenance: [InstantSpan] = [], asOf: String = "2020-06-01T00:00:00Z") throws -> [IncidentWindowCharge] {
        let asOf = try instant(asOf)
        let own = impacts.filter { $0.incidentID == incident }
        guard let span = try IncidentChargeBuilder.neededSpan(of: slas, impacts: own, asOf: asOf) else { return [] }
        let history = ServiceHistory(serviceID: "s", slas: slas, impacts: impacts.filter {
            InstantSpan(start: $0.start, end: $0.end ?? asOf).overlaps(span)
        }, maintenance: maintenance.filter { $0.overlaps(span) })
        return try IncidentChargeBuilder.charges(incidentID: incident, histories: [history], asOf: asOf)
    }

    @Test func theCatalogueOverloadUsesOctobersBudgetInPrague() throws {
        // 19:00–20:15 +01:00 at 0.8: 4500 s × 0.8 = 3600 s. October 2019 in Prague is 31 days
        // plus the hour the clocks went back, 2682000 s; 0.1 % of it is 2682 s; 3600 / 2682 =
        // 134.228…%.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month,
                                        timeZone: "Europe/Prague")
        let result = try charges(slas: [sla], impacts: [try impact("2019-10-30T18:00:00Z", "2019-10-30T19:15:00Z", 0.8)])
        let october = try #require(result.first)
        #expect(result.count == 1)
        #expect(october.evaluation.window.label == "2019-10")
        #expect(october.evaluation.windowSeconds == 2_682_000)
        #expect(october.downtimeSeconds == 3_600)
        #expect(october.allowedDowntimeSeconds == 2_682)
        #expect(abs(october.budgetConsumedPercent - 360_000.0 / 2_682) < 1e-9)
        #expect(october.isBreached)
    }

    @Test func aFixedYearlyAllowanceIsChargedWhole() throws {
        // The URL shortener: 23 minutes = 1380 s against 900 s a year, 153.33…%.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .fixed(TimeSpan(seconds: 900)), window: .year)
        let result = try charges(slas: [sla], impacts: [try impact("2023-05-16T14:00:00Z", "2023-05-16T14:23:00Z")],
                                 asOf: "2024-06-01T00:00:00Z")
        #expect(result.map(\.evaluation.window.label) == ["2023"])
        #expect(result.first?.downtimeSeconds == 1_380)
        #expect(result.first?.allowedDowntimeSeconds == 900)
        #expect(abs((result.first?.budgetConsumedPercent ?? 0) - 153.33333333333334) < 1e-9)
        #expect(result.first?.isBreached == true)
    }

    @Test func anIncidentAcrossAMonthEndIsChargedToBothMonths() throws {
        // Full outage 2019-10-31T23:30Z – 2019-11-01T00:45Z under 99.9 % a month in UTC.
        // October: 30 min = 1800 s of 0.1 % × 31 days = 2678.4 s (67.20…%), met.
        // November: 45 min = 2700 s of 0.1 % × 30 days = 2592 s (104.16…%), breached.
        let result = try charges(slas: [monthly], impacts: [try impact("2019-10-31T23:30:00Z", "2019-11-01T00:45:00Z")])
        try #require(result.map(\.evaluation.window.label) == ["2019-10", "2019-11"])
        #expect(result.map(\.downtimeSeconds) == [1_800, 2_700])
        #expect(result.map(\.allowedDowntimeSeconds) == [2_678.4, 2_592])
        #expect(abs(result[0].budgetConsumedPercent - 180_000 / 2_678.4) < 1e-9)
        #expect(abs(result[1].budgetConsumedPercent - 270_000 / 2_592.0) < 1e-9)
        #expect(result.map(\.isBreached) == [false, true])
    }

    @Test func partialFullCountsTheFractionAsOneForThatSLAOnly() throws {
        // 40 min at 25 % in October 2019 (UTC). The monthly SLA weighs it: 2400 s × 0.25 = 600 s
        // of 2678.4 s. The quarterly one has `partial: full`: the whole 2400 s of 0.1 % × 92 days =
        // 7948.8 s. Both windows start on 1 October; the SLAs keep their order.
        let quarterly = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .quarter,
                                              partial: .full)
        let result = try charges(slas: [monthly, quarterly],
                                 impacts: [try impact("2019-10-10T08:00:00Z", "2019-10-10T08:40:00Z", 0.25)])
        try #require(result.map(\.evaluation.window.label) == ["2019-10", "2019Q4"])
        #expect(result.map(\.downtimeSeconds) == [600, 2_400])
        #expect(result.map(\.allowedDowntimeSeconds) == [2_678.4, 7_948.8])
        #expect(abs(result[1].budgetConsumedPercent - 240_000 / 7_948.8) < 1e-9)
    }

    @Test func maintenanceIsNotCharged() throws {
        // Full outage 02:00–03:00; maintenance announced 02:30–04:00: only 02:00–02:30 = 1800 s.
        let result = try charges(slas: [monthly], impacts: [try impact("2019-10-10T02:00:00Z", "2019-10-10T03:00:00Z")],
                                 maintenance: [InstantSpan(start: try instant("2019-10-10T02:30:00Z"),
                                                           end: try instant("2019-10-10T04:00:00Z"))])
        #expect(result.map(\.downtimeSeconds) == [1_800])
        #expect(result.first?.evaluation.downtimeSeconds == 1_800)
    }

    @Test func anOverlappingIncidentTakesOnlyTheStretchesItLeads() throws {
        // The spec's example: "a" fully down 10:00–10:12, "b" at 80 % 10:10–10:20; the window is
        // down 720 + 0.8 × 480 = 1104 s. 10:10–10:12 is down at a's level 1, so it is a's: a is
        // charged 720 s, b 0.8 × 480 = 384 s.
        let impacts = [try impact("2019-10-10T10:00:00Z", "2019-10-10T10:12:00Z", 1, "a"),
                       try impact("2019-10-10T10:10:00Z", "2019-10-10T10:20:00Z", 0.8, "b")]
        let a = try charges("a", slas: [monthly], impacts: impacts)
        let b = try charges("b", slas: [monthly], impacts: impacts)
        #expect(a.map(\.downtimeSeconds) == [720])
        #expect(b.map(\.downtimeSeconds) == [384])
        #expect(a.first?.evaluation.downtimeSeconds == 1_104)
        #expect(b.first?.evaluation.downtimeSeconds == 1_104)
    }

    @Test func incidentsAtTheSameLevelShareTheirOverlap() throws {
        // "a" down 10:00–10:10, "c" down 10:05–10:15, both fully: 10:05–10:10 (300 s) is shared
        // equally, so each is charged 300 + 150 = 450 s of the window's 900 s.
        let impacts = [try impact("2019-10-10T10:00:00Z", "2019-10-10T10:10:00Z", 1, "a"),
                       try impact("2019-10-10T10:05:00Z", "2019-10-10T10:15:00Z", 1, "c")]
        #expect(try charges("a", slas: [monthly], impacts: impacts).map(\.downtimeSeconds) == [450])
        #expect(try charges("c", slas: [monthly], impacts: impacts).map(\.downtimeSeconds) == [450])
    }

    @Test func anOngoingImpactRunsToTheAsOfInstant() throws {
        // Down since 2019-10-31T23:00Z, no end, as of 2019-11-01T01:00Z: 3600 s in October
        // (closed) and 3600 s in November, still open and evaluated until 01:00.
        let result = try charges(slas: [monthly], impacts: [try impact("2019-10-31T23:00:00Z", nil)],
                                 asOf: "2019-11-01T01:00:00Z")
        try #require(result.map(\.evaluation.window.label) == ["2019-10", "2019-11"])
        #expect(result.map(\.downtimeSeconds) == [3_600, 3_600])
        #expect(result.map(\.evaluation.isClosed) == [true, false])
        #expect(result[1].evaluation.evaluatedUntil == (try instant("2019-11-01T01:00:00Z")))
        #expect(result.map(\.isBreached) == [true, true])   // 3600 > 2678.4 and > 2592
    }

    @Test func noSLAInForceChargesNothing() throws {
        // The SLA starts judging with November; an October impact reaches no window it judges.
        let later = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month,
                                          effectiveFrom: try CalendarDate(year: 2019, month: 11, day: 1))
        let october = [try impact("2019-10-10T10:00:00Z", "2019-10-10T11:00:00Z")]
        #expect(try IncidentChargeBuilder.neededSpan(of: [later], impacts: october, asOf: try instant("2020-01-01T00:00:00Z")) == nil)
        #expect(try charges(slas: [later], impacts: october).isEmpty)
        #expect(try charges(slas: [], impacts: october).isEmpty)
    }

    @Test func twoImpactsInOneWindowReachItOnce() throws {
        // Down 10:00–10:10 and again 12:00–12:05 on one day: one October window, 900 s.
        let result = try charges(slas: [monthly], impacts: [try impact("2019-10-10T12:00:00Z", "2019-10-10T12:05:00Z"),
                                                            try impact("2019-10-10T10:00:00Z", "2019-10-10T10:10:00Z")])
        #expect(result.map(\.evaluation.window.label) == ["2019-10"])
        #expect(result.map(\.downtimeSeconds) == [900])
    }
}
