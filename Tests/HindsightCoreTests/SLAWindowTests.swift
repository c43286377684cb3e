import Testing
@testable import HindsightCore

/// Window boundaries and real lengths, each worked out by hand from the calendar and the zone's
/// daylight-saving dates (checked with `TZ=… date -d`).
struct SLAWindowTests {
    private func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    private func window(_ kind: WindowKind, _ zone: String, containing text: String) throws -> SLAWindow {
        SLAWindow.containing(try instant(text), kind: kind, calendar: try LocalCalendar(timeZoneName: zone))
    }

    @Test func quarterInLosAngelesContainsTheDaylightSavingHour() throws {
        // 1 Oct 2019 00:00 PDT (UTC−7) to 1 Jan 2020 00:00 PST (UTC−8): 92 days + 1 hour.
        let q4 = try window(.quarter, "America/Los_Angeles", containing: "2019-11-15T12:00:00Z")
        #expect(q4.span.start == (try instant("2019-10-01T07:00:00Z")))
        #expect(q4.span.end == (try instant("2020-01-01T08:00:00Z")))
        #expect(q4.span.seconds == 7_952_400)
        #expect(q4.label == "2019Q4")
    }

    @Test(arguments: [
        ("2019-01-15T00:00:00Z", 7_776_000.0, "2019Q1"),   // 90 days
        ("2020-02-29T12:00:00Z", 7_862_400.0, "2020Q1"),   // 91 days, leap year
        ("2019-05-01T00:00:00Z", 7_862_400.0, "2019Q2"),   // 91 days
        ("2019-12-31T23:59:59Z", 7_948_800.0, "2019Q4"),   // 92 days
    ])
    func utcQuartersHaveTheirCalendarLengths(inside: String, seconds: Double, label: String) throws {
        let quarter = try window(.quarter, "UTC", containing: inside)
        #expect(quarter.span.seconds == seconds)
        #expect(quarter.label == label)
    }

    @Test func pragueMonthsLoseAndGainAnHour() throws {
        // DST began 31 March 2019 and ended 27 October 2019 in Europe/Prague.
        let march = try window(.month, "Europe/Prague", containing: "2019-03-10T00:00:00Z")
        #expect(march.span.start == (try instant("2019-02-28T23:00:00Z")))
        #expect(march.span.seconds == 31 * 86_400 - 3_600)
        let october = try window(.month, "Europe/Prague", containing: "2019-10-30T18:00:00Z")
        #expect(october.span.start == (try instant("2019-09-30T22:00:00Z")))
        #expect(october.span.end == (try instant("2019-10-31T23:00:00Z")))
        #expect(october.span.seconds == 31 * 86_400 + 3_600)
        #expect(october.label == "2019-10")
    }

    @Test func weeksRunMondayToMonday() throws {
        // Wednesday 30 October 2019 lies in ISO week 44, Monday 28 October to Monday 4 November.
        let week = try window(.week, "UTC", containing: "2019-10-30T18:00:00Z")
        #expect(week.firstDay == (try CalendarDate(parsing: "2019-10-28")))
        #expect(week.span.seconds == 604_800)
        #expect(week.label == "2019-W44")
        // The Prague week with the autumn change is an hour longer.
        let autumn = try window(.week, "Europe/Prague", containing: "2019-10-27T12:00:00Z")
        #expect(autumn.firstDay == (try CalendarDate(parsing: "2019-10-21")))
        #expect(autumn.span.seconds == 608_400)
        #expect(autumn.label == "2019-W43")
        // A Monday at local midnight starts its own week.
        let monday = try window(.week, "UTC", containing: "2019-10-28T00:00:00Z")
        #expect(monday.firstDay == (try CalendarDate(parsing: "2019-10-28")))
    }

    @Test func leapYearHas366Days() throws {
        let year = try window(.year, "UTC", containing: "2020-07-01T00:00:00Z")
        #expect(year.span.seconds == 366 * 86_400)
        #expect(year.label == "2020")
    }

    @Test func aSkippedMidnightStartsTheDayWhenTheClocksJump() throws {
        // Chile moved from −04 to −03 at local midnight on 8 September 2019: that day began at
        // 01:00 −03, which is 04:00 UTC, and lasted 23 hours.
        let santiago = try LocalCalendar(timeZoneName: "America/Santiago")
        let day = try CalendarDate(parsing: "2019-09-08")
        #expect(santiago.startOfDay(day) == (try instant("2019-09-08T04:00:00Z")))
        #expect(santiago.span(from: day, through: day).seconds == 23 * 3_600)
    }

    @Test func anInstantReadingTheDayBeforeAfterMidnightBelongsToTheNextWindow() throws {
        // St John's went from NDT (−02:30) to NST (−03:30) at 00:01 NDT on 1 November 2009, that
        // is 02:31 UTC, so the clocks read 31 October again from 23:01 to 23:59 NST. November
        // began at its first midnight, 00:00 NDT = 02:30 UTC, and runs to 1 December 00:00 NST =
        // 03:30 UTC: 30 × 86 400 + 3 600 = 2 595 600 s. 03:00 UTC reads 31 October 23:30 NST but
        // lies in November; October, 1 October 00:00 NDT (02:30 UTC) to 02:30 UTC on 1 November,
        // has already ended.
        let stJohns = try LocalCalendar(timeZoneName: "America/St_Johns")
        let november = SLAWindow.containing(try instant("2009-11-01T03:00:00Z"), kind: .month, calendar: stJohns)
        #expect(november.label == "2009-11")
        #expect(november.span.start == (try instant("2009-11-01T02:30:00Z")))
        #expect(november.span.end == (try instant("2009-12-01T03:30:00Z")))
        #expect(november.span.seconds == 2_595_600)
        // A span from that instant on (a report's period in a zone whose midnight came later)
        // does not overlap October.
        let span = InstantSpan(start: try instant("2009-11-01T03:00:00Z"), end: try instant("2009-12-01T03:00:00Z"))
        #expect(SLAWindow.overlapping(span, kind: .month, calendar: stJohns).map(\.label) == ["2009-11"])
        // The instant before the change still reads 1 November, 00:00:59 NDT.
        let justAfterMidnight = SLAWindow.containing(try instant("2009-11-01T02:30:59Z"), kind: .month, calendar: stJohns)
        #expect(justAfterMidnight.label == "2009-11")
    }

    @Test func windowsOverlappingASpanAreListedInOrder() throws {
        let utc = try LocalCalendar(timeZoneName: "UTC")
        let span = InstantSpan(start: try instant("2019-10-15T00:00:00Z"), end: try instant("2019-12-01T00:00:00Z"))
        let months = SLAWindow.overlapping(span, kind: .month, calendar: utc).map(\.label)
        #expect(months == ["2019-10", "2019-11"])
    }

    @Test(arguments: [
        ("2019Q5", "Q1 to Q4"), ("2019Q0", "Q1 to Q4"), ("19Q4", "Q1 to Q4"), ("2019-13", "01 to 12"),
        ("2019-1", "01 to 12"), ("201", "four digits"),
    ])
    func badPeriodsSayWhatWouldBeAccepted(text: String, hint: String) {
        let error = #expect(throws: ValueParseError.self) {
            if text.contains("Q") { _ = try ReportPeriod(quarter: text) }
            else if text.contains("-") { _ = try ReportPeriod(month: text) }
            else { _ = try ReportPeriod(year: text) }
        }
        #expect(error?.message.contains(hint) == true)
    }

    @Test func periodsCoverTheirDays() throws {
        let q4 = try ReportPeriod(quarter: "2019Q4")
        #expect(q4.firstDay == (try CalendarDate(parsing: "2019-10-01")))
        #expect(q4.lastDay == (try CalendarDate(parsing: "2019-12-31")))
        let utc = try LocalCalendar(timeZoneName: "UTC")
        #expect(q4.span(in: utc).seconds == 7_948_800)
        #expect(throws: ValueParseError.self) {
            _ = try ReportPeriod(from: try CalendarDate(parsing: "2019-12-31"), through: try CalendarDate(parsing: "2019-10-01"))
        }
    }

    /// An SLA that starts within a window does not judge it (the SLA in force on a window's first
    /// day does): its first window is the next one. Its last is the one holding its last day.
    @Test func anSLAsFirstAndLastWindows() throws {
        func sla(_ window: WindowKind, _ zone: String, from: String?, until: String?) throws -> ServiceLevelAgreement {
            ServiceLevelAgreement(serviceID: "s", allowance: .objective(percent: 99.9), window: window, timeZone: zone,
                                  effectiveFrom: try from.map(CalendarDate.init(parsing:)),
                                  effectiveUntil: try until.map(CalendarDate.init(parsing:)))
        }
        let midMonth = try sla(.month, "UTC", from: "2024-03-15", until: nil)
        #expect(try SLASchedule.firstWindow(of: midMonth)?.span.start == (try instant("2024-04-01T00:00:00Z")))
        #expect(try SLASchedule.lastWindow(of: midMonth) == nil)
        // From the first of a quarter in Berlin (UTC+1 in winter): that quarter, from 2022-12-31T23:00Z.
        // It ends on 30 June: the quarter holding that day ends at 1 July 00:00 CEST (UTC+2).
        let quarters = try sla(.quarter, "Europe/Berlin", from: "2023-01-01", until: "2023-06-30")
        #expect(try SLASchedule.firstWindow(of: quarters)?.label == "2023Q1")
        #expect(try SLASchedule.firstWindow(of: quarters)?.span.start == (try instant("2022-12-31T23:00:00Z")))
        #expect(try SLASchedule.lastWindow(of: quarters)?.span.end == (try instant("2023-06-30T22:00:00Z")))
        // 10 to 20 May: no month starts while it is in force, so it judges none.
        let tooShort = try sla(.month, "UTC", from: "2024-05-10", until: "2024-05-20")
        #expect(try SLASchedule.firstWindow(of: tooShort) == nil)
        #expect(try SLASchedule.lastWindow(of: tooShort) == nil)
    }
}
