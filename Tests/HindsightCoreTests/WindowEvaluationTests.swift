import Testing
@testable import HindsightCore

/// Budget, availability, breach, credit and burn rate of SLA windows, against figures worked out
/// by hand in seconds.
struct WindowEvaluationTests {
    private func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    private func evaluate(_ sla: ServiceLevelAgreement, containing text: String, downtime: [(String, String)],
                          fraction: Double = 1, asOf: String) throws -> (WindowEvaluation, DowntimeProfile) {
        let window = SLAWindow.containing(try instant(text), kind: sla.window, calendar: try LocalCalendar(timeZoneName: sla.timeZone))
        let impacts = try downtime.map {
            DowntimeInterval(start: try instant($0.0), end: try instant($0.1), fraction: fraction, incidentID: "i")
        }
        let profile = DowntimeCalculator.profile(over: window.span, impacts: impacts, maintenance: [], policy: sla.partial,
                                                 asOf: try instant(asOf))
        return (WindowEvaluation(sla: sla, window: window, profile: profile, asOf: try instant(asOf)), profile)
    }

    private let tiers = [CreditTier(belowPercent: 99.9, creditPercent: 10), CreditTier(belowPercent: 99.0, creditPercent: 25),
                         CreditTier(belowPercent: 95.0, creditPercent: 50)]

    @Test func theContractsQuarterExample() throws {
        // 99.9 % over Q4 2019 in UTC (92 days = 7948800 s) allows 7948.8 s; an hour down leaves 4348.8.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .quarter)
        let (figures, _) = try evaluate(sla, containing: "2019-10-30T00:00:00Z",
                                        downtime: [("2019-10-30T18:00:00Z", "2019-10-30T19:00:00Z")], asOf: "2020-01-01T00:00:00Z")
        #expect(figures.windowSeconds == 7_948_800)
        #expect(figures.allowedDowntimeSeconds == 7_948.8)
        #expect(figures.downtimeSeconds == 3_600)
        #expect(figures.budgetRemainingSeconds == 4_348.8)
        #expect(abs(figures.budgetConsumedPercent - 45.289855072463766) < 1e-9)   // 3600 / 7948.8 × 100
        #expect(abs(try #require(figures.availabilityPercent) - 99.95471014492753) < 1e-9)  // 100 − 100 × 3600 / 7948800
        #expect(!figures.isBreached)
        #expect(figures.isClosed)
        #expect(figures.creditPercent == 0)
        #expect(figures.burnRate == nil)
    }

    @Test func aFixedAllowanceIsTheSameForEveryWindow() throws {
        // The URL shortener: 15 minutes a year, 23 minutes down → 480 s over, breached.
        let sla = ServiceLevelAgreement(serviceID: "url-shortener", allowance: .fixed(TimeSpan(seconds: 900)), window: .year)
        let (figures, profile) = try evaluate(sla, containing: "2023-05-16T14:00:00Z",
                                              downtime: [("2023-05-16T14:00:00Z", "2023-05-16T14:23:00Z")],
                                              asOf: "2024-01-01T00:00:00Z")
        #expect(figures.windowSeconds == 31_536_000)
        #expect(figures.allowedDowntimeSeconds == 900)
        #expect(figures.downtimeSeconds == 1_380)
        #expect(figures.budgetRemainingSeconds == -480)
        #expect(figures.isBreached)
        #expect(abs(figures.budgetConsumedPercent - 153.33333333333334) < 1e-9)
        #expect(abs(try #require(figures.availabilityPercent) - (100 - 100 * 1_380.0 / 31_536_000)) < 1e-12)
        #expect(abs(figures.objectivePercent - 99.99714611872146) < 1e-9)   // 100 × (1 − 900 / 31536000)
        #expect(BudgetOutlook(figures, profile: profile) == .exhausted(at: try instant("2023-05-16T14:15:00Z")))
    }

    @Test func anOpenWindowIsJudgedOverItsElapsedPart() throws {
        // As of 1 November, October's 2678400 s have passed; an hour down gives availability
        // 100 − 100 × 3600 / 2678400 and burn (3600 / 7948.8) / (2678400 / 7948800) = 3600000 / 2678400.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .quarter, credits: tiers)
        let (figures, profile) = try evaluate(sla, containing: "2019-10-30T00:00:00Z",
                                              downtime: [("2019-10-30T18:00:00Z", "2019-10-30T19:00:00Z")],
                                              asOf: "2019-11-01T00:00:00Z")
        #expect(!figures.isClosed)
        #expect(figures.elapsedSeconds == 2_678_400)
        #expect(abs(try #require(figures.availabilityPercent) - 99.86559139784946) < 1e-9)
        #expect(abs(try #require(figures.burnRate) - 1.3440860215053763) < 1e-12)
        #expect(figures.creditPercent == 0)   // credits are owed for closed windows only
        // Remaining 4348.8 s at 3600 s per 2678400 s lasts 4348.8 × 744 = 3235507.2 s more.
        #expect(BudgetOutlook(figures, profile: profile) == .runsOut(at: try instant("2019-12-08T10:45:07.200Z")))
    }

    @Test func theBurnRateIsOneQuotientRoundedOnce() throws {
        // March 2020 in UTC: 2678400 s, 99.9 % allows 2678.4 s. As of 3 March 01:00 (176400 s
        // passed), 600 s down burns (600 / 2678.4) / (176400 / 2678400) = 600000 / 176400
        // = 3.4013605442176870748…, whose nearest Double is 3.401360544217687.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month)
        let (figures, _) = try evaluate(sla, containing: "2020-03-02T00:00:00Z",
                                        downtime: [("2020-03-02T00:00:00Z", "2020-03-02T00:10:00Z")],
                                        asOf: "2020-03-03T01:00:00Z")
        #expect(figures.elapsedSeconds == 176_400)
        #expect(figures.burnRate == 3.401360544217687)
    }

    @Test func aBudgetSpentInStepWithTheWindowLastsIt() throws {
        // March 2020 in UTC: 2678400 s, 99.9 % allows 2678.4 s. As of 11 March 08:00 a third of
        // the month (892800 s) has passed and 892.8 s were down: a third of the budget. At
        // 0.001 s down a second, the 1785.6 s left last 1785600 s, exactly to 1 April 00:00,
        // when downtime equals the allowance: no breach, so the budget lasts the window.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month)
        let (figures, profile) = try evaluate(sla, containing: "2020-03-02T00:00:00Z",
                                              downtime: [("2020-03-02T00:00:00Z", "2020-03-02T00:14:52.800Z")],
                                              asOf: "2020-03-11T08:00:00Z")
        #expect(figures.downtimeSeconds == 892.8)
        #expect(figures.burnRate == 1)
        #expect(BudgetOutlook(figures, profile: profile) == .lasts)
        // One millisecond more down, and the budget runs out before the window's end: the 1785.599 s
        // left last 1785.599 × 892800000 ÷ 892801 ms = 1785597000.003… ms, rounded up to the
        // millisecond after 11 March 08:00 + 1785597000 ms = 31 March 23:59:57.
        let (more, moreProfile) = try evaluate(sla, containing: "2020-03-02T00:00:00Z",
                                               downtime: [("2020-03-02T00:00:00Z", "2020-03-02T00:14:52.801Z")],
                                               asOf: "2020-03-11T08:00:00Z")
        #expect(BudgetOutlook(more, profile: moreProfile) == .runsOut(at: try instant("2020-03-31T23:59:57.001Z")))
    }

    @Test(arguments: [
        (0.0, 0.0),          // 100 % available
        (2_592.0, 0.0),      // exactly 99.9: no tier's `below` is greater
        (2_593.0, 10.0),     // just under 99.9
        (25_920.0, 10.0),    // exactly 99.0: only the 99.9 tier applies
        (25_921.0, 25.0),    // just under 99.0
        (129_600.0, 25.0),   // exactly 95.0
        (129_601.0, 50.0),   // just under 95.0
    ])
    func creditsFollowTheTiersOfAClosedMonth(downtime: Double, credit: Double) throws {
        // April 2019 in UTC: 30 days = 2592000 s; 99.9 % allows 2592 s.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month, credits: tiers)
        let start = try instant("2019-04-10T00:00:00Z")
        let end = start.adding(milliseconds: Int64(downtime * 1000))
        let (figures, _) = try evaluate(sla, containing: "2019-04-10T00:00:00Z",
                                        downtime: downtime > 0 ? [(start.description, end.description)] : [],
                                        asOf: "2019-06-01T00:00:00Z")
        #expect(figures.allowedDowntimeSeconds == 2_592)
        #expect(figures.creditPercent == credit)
        #expect(figures.isBreached == (downtime > 2_592))
    }

    @Test func aFixedAllowanceLongerThanItsWeekIsCappedAtTheWeek() throws {
        // Prague's week 2019-W13 holds the spring change: Monday 25 March 00:00 CET (24 March
        // 23:00 UTC) to Monday 1 April 00:00 CEST (31 March 22:00 UTC) is 7 × 86400 − 3600 =
        // 601200 s. A stored allowance of 604000 s (under 7 days, as older versions accepted)
        // exceeds it, so the week allows 601200 s: objective 100 × (601200 − 601200) / 601200 = 0,
        // not 100 × (601200 − 604000) / 601200 = −0.4657 %.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .fixed(TimeSpan(seconds: 604_000)), window: .week,
                                        timeZone: "Europe/Prague")
        // Down from start to end: 601200 s, exactly the budget, so 0 s left (not 2800 s), 100 %
        // used, availability 0 %, and no breach (equal is within budget).
        let (whole, _) = try evaluate(sla, containing: "2019-03-27T12:00:00Z",
                                      downtime: [("2019-03-20T00:00:00Z", "2019-04-05T00:00:00Z")], asOf: "2019-04-05T00:00:00Z")
        #expect(whole.windowSeconds == 601_200)
        #expect(whole.allowedDowntimeSeconds == 601_200)
        #expect(whole.downtimeSeconds == 601_200)
        #expect(whole.budgetRemainingSeconds == 0)
        #expect(whole.budgetConsumedPercent == 100)
        #expect(whole.availabilityPercent == 0)
        #expect(whole.objectivePercent == 0)
        #expect(!whole.isBreached)
        // Four days in (24 March 23:00 to 28 March 23:00 UTC, 345600 s), down throughout: burn
        // (345600 / 601200) / (345600 / 601200) = 1, so the budget lasts exactly to the end.
        let (open, profile) = try evaluate(sla, containing: "2019-03-27T12:00:00Z",
                                           downtime: [("2019-03-20T00:00:00Z", "2019-04-05T00:00:00Z")], asOf: "2019-03-28T23:00:00Z")
        #expect(open.budgetRemainingSeconds == 255_600)   // 601200 − 345600
        #expect(open.burnRate == 1)
        #expect(BudgetOutlook(open, profile: profile) == .lasts)
    }

    @Test func aPartialImpactLeavesTheDecimalBudget() throws {
        // 99.9 % of Q4 2019 allows 7948.8 s; 3 s at 0.3 uses 0.9 s and leaves 7947.9 s, where
        // 7948.8 − 0.9 in binary floating point is 7947.900000000001.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .quarter)
        let (figures, _) = try evaluate(sla, containing: "2019-10-30T00:00:00Z", downtime: [("2019-10-30T18:00:00Z", "2019-10-30T18:00:03Z")],
                                        fraction: 0.3, asOf: "2020-01-01T00:00:00Z")
        #expect(figures.downtimeSeconds == 0.9)
        #expect(figures.budgetRemainingSeconds == 7_947.9)
        #expect(!figures.isBreached)
    }

    @Test func downtimeEqualToTheAllowanceIsNotABreach() throws {
        // 99 % of a 30-day month allows 25 920 s: 7 h 12 min. Down at 0.6 for 12 h is 25 920 s too.
        let sla = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99), window: .month)
        let (figures, profile) = try evaluate(sla, containing: "2019-11-10T00:00:00Z", downtime: [("2019-11-10T00:00:00Z", "2019-11-10T12:00:00Z")],
                                              fraction: 0.6, asOf: "2019-12-01T00:00:00Z")
        #expect(figures.allowedDowntimeSeconds == 25_920)
        #expect(figures.downtimeSeconds == 25_920)
        #expect(!figures.isBreached)
        #expect(figures.budgetRemainingSeconds == 0)
        #expect(figures.budgetConsumedPercent == 100)
        #expect(figures.availabilityPercent == 99)
        #expect(BudgetOutlook(figures, profile: profile) == .exhausted(at: try instant("2019-11-10T12:00:00Z")))
    }

    // Worked by hand, window seconds × (100 − objective) / 100:
    // a 92-day quarter, 92 × 86 400 = 7 948 800 s: 0.1 % is 7 948.8 s and 0.5 % is 39 744 s;
    // a 30-day month, 2 592 000 s: 0.01 % is 259.2 s and 1 % is 25 920 s;
    // a leap year, 366 × 86 400 = 31 622 400 s: 0.1 % is 31 622.4 s;
    // a 31-day month, 2 678 400 s: 0.05 % is 1 339.2 s.
    @Test(arguments: [
        (99.9, 7_948_800_000 as Int64, 7_948.8),
        (99.5, 7_948_800_000 as Int64, 39_744.0),
        (99.99, 2_592_000_000 as Int64, 259.2),
        (99.0, 2_592_000_000 as Int64, 25_920.0),
        (99.9, 31_622_400_000 as Int64, 31_622.4),
        (99.95, 2_678_400_000 as Int64, 1_339.2),
    ])
    func allowedDowntimeIsExactForDecimalObjectives(objective: Double, windowMilliseconds: Int64, allowed: Double) {
        #expect(AllowedDowntime.seconds(objectivePercent: objective, windowMilliseconds: windowMilliseconds) == allowed)
    }

    // A leap year, 31 622 400 s, less objective/100 of it: 1e-30 % takes 3.2e-25 s off and 1e-300 % less, both
    // under half an attosecond; 1.23456789012345e-13 % takes 31 622 400 000 × 123 456 789 012 345 / 10^14 =
    // 39 039 999 648.64 attoseconds off, rounded to 39 039 999 649; 1.2345678901234567e-23 % (more decimals than
    // the digits hold) takes 3.9 attoseconds off, rounded to 4.
    @Test(arguments: [(1e-30, 0 as Int128), (1e-300, 0), (1.23456789012345e-13, 39_039_999_649), (1.2345678901234567e-23, 4)])
    func aTinyObjectiveAllowsAlmostTheWholeWindow(objective: Double, attosecondsOff: Int128) {
        #expect(AllowedDowntime.downtime(objectivePercent: objective, windowMilliseconds: 31_622_400_000)
                == ExactSeconds(seconds: 31_622_400) - ExactSeconds(attoseconds: attosecondsOff))
    }

    @Test func eachWindowIsJudgedByTheSLAInForceAtItsStart() throws {
        // Monthly 99.9 until 15 March 2020, then quarterly 99.5: March (started 1 March) stays
        // with the monthly SLA; Q1 started before the quarterly one and belongs to nobody else.
        let monthly = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: .month,
                                            effectiveUntil: try CalendarDate(parsing: "2020-03-15"))
        let quarterly = ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.5), window: .quarter,
                                              effectiveFrom: try CalendarDate(parsing: "2020-03-16"))
        let half = InstantSpan(start: try instant("2020-01-01T00:00:00Z"), end: try instant("2020-07-01T00:00:00Z"))
        let scheduled = try SLASchedule.windows(of: [quarterly, monthly], overlapping: half)
        #expect(scheduled.map(\.window.label) == ["2020-01", "2020-02", "2020-03", "2020Q2"])
        #expect(scheduled.map(\.sla.window) == [.month, .month, .month, .quarter])
    }
}
