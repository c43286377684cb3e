import Testing
@testable import HindsightCore

/// Instants against hand-computed epoch seconds (checked with `date -u -d ... +%s`), and every
/// kind of garbage that Foundation's parsers are known to accept.
struct InstantTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2019-10-30T17:00:00Z", Int64(1_572_454_800_000)),
        ("2019-10-30T19:00:00+01:00", Int64(1_572_458_400_000)),  // 18:00 UTC
        ("2021-02-01T14:23:00-08:00", Int64(1_612_218_180_000)),  // 22:23 UTC
        ("2021-02-01t22:23:00z", Int64(1_612_218_180_000)),
        ("2000-02-29T23:59:59.5Z", Int64(951_868_799_500)),
        ("2000-02-29T23:59:59.123000Z", Int64(951_868_799_123)),
        ("1969-12-31T23:59:59Z", Int64(-1000)),
        ("2019-10-30T17:00:00+18:00", Int64(1_572_454_800_000 - 18 * 3_600_000)),
        ("2019-10-30T17:00:00-00:00", Int64(1_572_454_800_000)),
    ])
    func parsesValidInstants(text: String, milliseconds: Int64) throws {
        #expect(try Instant(parsing: text).millisecondsSinceEpoch == milliseconds)
    }

    @Test(arguments: [
        "2019-10-30T17:00:00Zjunk",        // trailing text after Z
        "2024-02-30T00:00:00Z",            // no 30 February
        "2023-02-29T00:00:00Z",            // not a leap year
        "2019-10-30T24:00:00Z",            // hour 24
        "2019-1-30T17:00:00Z",             // month not zero-padded
        "2019-10-30T7:00:00Z",             // hour not zero-padded
        "2019-10-30T17:61:00Z",            // minute 61
        "2019-10-30T17:00:60Z",            // leap second
        "2019-10-30T17:00:00+01:99",       // offset minutes 99
        "2019-10-30T17:00:00+25:00",       // offset beyond 18 hours
        "2019-10-30T17:00:00+18:01",
        "２０１９-10-30T17:00:00Z",           // full-width digits
        "2019-10-30T17:00:00.123456789012Z", // more precise than a millisecond
        "2019-10-30T17:00:00",             // no offset
        "2019-10-30 17:00:00Z",            // space instead of T
        "2019-10-30",                      // a date, not an instant
        "2019-10-30T17:00Z",               // no seconds
        "2019-10-30T17:00:00.Z",           // empty fraction
        "2019-10-30T17:00:00+0100",        // offset without colon
        "",
    ])
    func refusesGarbage(text: String) {
        #expect(throws: ValueParseError.self) { try Instant(parsing: text) }
    }

    @Test func errorSaysWhatIsWrongAndWhatIsAccepted() {
        #expect {
            try Instant(parsing: "2019-10-30T17:00:00")
        } throws: { error in
            let message = (error as? ValueParseError)?.message ?? ""
            return message.contains("no UTC offset") && message.contains("2019-10-30T17:00:00Z")
        }
    }

    /// `+05:60` was said to lie outside ±18:00, which it does not; its minutes are the fault.
    @Test(arguments: [("2019-10-30T17:00:00+05:60", "the offset's minutes must be 00 to 59"),
                      ("2019-10-30T17:00:00+18:01", "the offset must lie within -18:00 and +18:00")])
    func aBadOffsetIsRefusedForWhatIsWrongWithIt(text: String, reason: String) {
        #expect {
            try Instant(parsing: text)
        } throws: { error in
            (error as? ValueParseError)?.message.contains(reason) == true
        }
    }

    @Test func formatsInUTCWithMillisecondsOnlyWhenPresent() throws {
        #expect(try Instant(parsing: "2019-10-30T19:00:00+01:00").description == "2019-10-30T18:00:00Z")
        #expect(try Instant(parsing: "2019-10-30T19:00:00.250+01:00").description == "2019-10-30T18:00:00.250Z")
        #expect(Instant(millisecondsSinceEpoch: -1000).description == "1969-12-31T23:59:59Z")
    }

    @Test func utcDateOfAnInstantWithAnOffset() throws {
        // 23:30 at -08:00 is 07:30 the next day in UTC.
        #expect(try Instant(parsing: "2019-10-30T23:30:00-08:00").utcDate == CalendarDate(year: 2019, month: 10, day: 31))
    }
}
