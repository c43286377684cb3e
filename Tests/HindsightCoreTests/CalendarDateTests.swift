import Testing
@testable import HindsightCore

struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "2019-11-15", "0001-01-01", "9999-12-31"])
    func parsesRealDays(text: String) throws {
        #expect(try CalendarDate(parsing: text).description == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01",
                      "24-01-01", "2024-01-01T00:00:00Z", "2024/01/01", "0000-01-01", " 2024-01-01", ""])
    func refusesOtherText(text: String) {
        #expect(throws: ValueParseError.self) { try CalendarDate(parsing: text) }
    }

    @Test func daysSinceEpochMatchHandCountedValues() throws {
        #expect(try CalendarDate(parsing: "1970-01-01").daysSinceEpoch == 0)
        // 30 years of 365 days plus 7 leap days (1972 … 1996), plus January and February 2000 (31 + 29).
        #expect(try CalendarDate(parsing: "2000-03-01").daysSinceEpoch == 30 * 365 + 7 + 60)
        #expect(try CalendarDate(parsing: "1969-12-31").daysSinceEpoch == -1)
    }

    @Test func addingDaysCrossesMonthsAndLeapDays() throws {
        #expect(try CalendarDate(parsing: "2024-02-28").adding(days: 1).description == "2024-02-29")
        #expect(try CalendarDate(parsing: "2019-10-30").adding(days: 28).description == "2019-11-27")
        #expect(try CalendarDate(parsing: "2019-10-30").adding(days: 56).description == "2019-12-25")
    }

    @Test func impossibleDayNamesTheMonthLength() {
        #expect {
            try CalendarDate(parsing: "2024-02-30")
        } throws: { error in
            (error as? ValueParseError)?.message.contains("February 2024, which has 29 days") ?? false
        }
    }
}

struct FuzzyDateTests {
    @Test func keepsThePrecisionGiven() throws {
        #expect(try FuzzyDate(parsing: "2016") == .year(2016))
        #expect(try FuzzyDate(parsing: "2016-10") == .month(year: 2016, month: 10))
        #expect(try FuzzyDate(parsing: "2016-10-05") == .day(CalendarDate(year: 2016, month: 10, day: 5)))
        #expect(try FuzzyDate(parsing: "2016-10-05T10:00:00+02:00") == .instant(Instant(millisecondsSinceEpoch: 1_475_654_400_000)))
        #expect(try FuzzyDate(parsing: "2016-10").description == "2016-10")
        #expect(try FuzzyDate(parsing: "2016-10").precision == "month")
    }

    @Test(arguments: ["2016-13", "16", "2016-10-5", "0000", "2016-02-30", "2016-10-05T10:00:00", "late 2016", ""])
    func refusesOtherText(text: String) {
        #expect(throws: ValueParseError.self) { try FuzzyDate(parsing: text) }
    }

    @Test func latentAgeIsCountedAtThePrecisionGiven() throws {
        let start = try Instant(parsing: "2019-10-30T18:00:00Z")
        // 2016 to 2019, counted in whole years because only the year is known: 3 years.
        #expect(LatentAge(introduced: .year(2016), start: start).value == 3)
        #expect(LatentAge(introduced: .year(2016), start: start).unit == .years)
        // October 2016 to October 2019: 36 months.
        #expect(LatentAge(introduced: .month(year: 2016, month: 10), start: start).value == 36)
        // 2019-06-30 to 2019-10-30: 30 (to 30 July) + 31 + 31 + 30 = 122 days.
        #expect(LatentAge(introduced: .day(try CalendarDate(parsing: "2019-06-30")), start: start).value == 122)
        #expect(LatentAge(introduced: .instant(try Instant(parsing: "2019-10-30T17:00:00Z")), start: start).value == 3600)
        #expect(LatentAge(introduced: .instant(try Instant(parsing: "2019-10-30T19:00:00Z")), start: start).description
                .contains("after the incident began"))
        // Known to the year only, a defect of 2020 came in after an incident of 2019, not during it.
        #expect(LatentAge(introduced: .year(2020), start: start).description == "none (introduced after the incident began)")
    }
}
