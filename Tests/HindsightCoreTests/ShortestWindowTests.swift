import Testing
@testable import HindsightCore

/// The shortest window an SLA judges in its zone, each worked out by hand from the zone's clock
/// changes (checked with `TZ=… date -d`).
struct ShortestWindowTests {
    private func shortest(_ kind: WindowKind, _ zone: String, from: String? = nil, through: String? = nil) throws -> SLAWindow {
        ShortestWindow.of(kind, in: try LocalCalendar(timeZoneName: zone), from: try from.map(CalendarDate.init(parsing:)),
                          through: try through.map(CalendarDate.init(parsing:)))
    }

    @Test func aUTCWeekIsAlwaysSevenDays() throws {
        #expect(try shortest(.week, "UTC").span.seconds == 604_800)
    }

    @Test func aPragueWeekLosesAnHourInSpring() throws {
        // Czechoslovakia first kept summer time in 1979, from Sunday 1 April: the week from
        // Monday 26 March 00:00 CET to Monday 2 April 00:00 CEST (1979-W13) is 7 × 86400 − 3600 s.
        let always = try shortest(.week, "Europe/Prague")
        #expect(always.label == "1979-W13")
        #expect(always.span.seconds == 601_200)
        // From 2025 on, the first such week is 2025-W13 (the change on Sunday 30 March).
        let later = try shortest(.week, "Europe/Prague", from: "2025-01-01")
        #expect(later.label == "2025-W13")
        #expect(later.span.seconds == 601_200)
    }

    @Test func aWindowStartingBeforeTheSLAIsNotItsOwn() throws {
        // An SLA from Tuesday 26 March 2030 does not judge 2030-W13 (Monday 25 March to Monday
        // 1 April, 601200 s): that week began before it. Its first spring week is 2031-W13.
        let window = try shortest(.week, "Europe/Prague", from: "2030-03-26")
        #expect(window.label == "2031-W13")
        #expect(window.span.seconds == 601_200)
    }

    @Test func trollMovesItsClocksTwoHours() throws {
        // Antarctica/Troll goes from +00 to +02 on the last Sunday of March, first on 27 March
        // 2005: 2005-W12 lasts 7 × 86400 − 7200 = 597600 s.
        let window = try shortest(.week, "Antarctica/Troll")
        #expect(window.label == "2005-W12")
        #expect(window.span.seconds == 597_600)
    }

    @Test func apiaSkippedADay() throws {
        // Samoa went from Thursday 29 December 2011 straight to Saturday 31 December: 2011-W52
        // lasted 6 days, 518400 s. An SLA from 2012 on never meets that week; its shortest is a
        // spring week of the summer time Samoa kept until 2021, 7 × 86400 − 3600 = 601200 s
        // (first 2012-W39: the clocks went from 03:00 to 04:00 on Sunday 30 September 2012).
        let always = try shortest(.week, "Pacific/Apia")
        #expect(always.label == "2011-W52")
        #expect(always.span.seconds == 518_400)
        let later = try shortest(.week, "Pacific/Apia", from: "2012-01-01")
        #expect(later.label == "2012-W39")
        #expect(later.span.seconds == 601_200)
    }

    @Test func aBoundedSLAIsCheckedOnlyAgainstItsOwnWindows() throws {
        // Only Q4 2019 in UTC: 92 days, 7948800 s.
        let window = try shortest(.quarter, "UTC", from: "2019-10-01", through: "2019-12-31")
        #expect(window.label == "2019Q4")
        #expect(window.span.seconds == 7_948_800)
        // A period in which no window starts (the middle of a month) is held to every window of
        // the searched years: February of a common year, 28 days.
        #expect(try shortest(.month, "UTC", from: "2019-10-05", through: "2019-10-20").span.seconds == 2_419_200)
    }
}
