import Testing
@testable import HindsightCore

struct TimeSpanTests {
    @Test(arguments: [
        ("90s", Int64(90)), ("15m", Int64(900)), ("1h30m", Int64(5400)), ("2d", Int64(172_800)),
        ("1d2h3m4s", Int64(93_784)), ("0s", Int64(0)),
        ("PT15M", Int64(900)), ("P1DT2H", Int64(93_600)), ("P2W", Int64(1_209_600)), ("PT1H30M", Int64(5400)),
        ("PT90S", Int64(90)),
    ])
    func parses(text: String, seconds: Int64) throws {
        #expect(try TimeSpan(parsing: text).seconds == seconds)
    }

    @Test(arguments: ["", "15", "1.5h", "m15", "15x", "1m1h", "1h1h", "-5m", "15 m", "15M",
                      "P", "PT", "P1M", "P1Y", "PT1.5S", "P1H", "PT1D", "P1DT", "99999999999999999999s",
                      "106751991167301d"])
    func refuses(text: String) {
        #expect(throws: ValueParseError.self) { try TimeSpan(parsing: text) }
    }

    @Test func monthsAreRefusedWithAReason() {
        #expect {
            try TimeSpan(parsing: "P1M")
        } throws: { error in
            (error as? ValueParseError)?.message.contains("no fixed length") ?? false
        }
    }

    /// Too many digits for an Int64 were "not a duration", as if misspelt; they are a duration too
    /// long, as one whose units add up past the limit is, and both name the longest accepted.
    @Test(arguments: ["99999999999999999999s", "9223372036854775808s", "PT99999999999999999999S", "106751991167301d",
                      "106751991167300d16h"])
    func aDurationPastWhatIsStoredIsTooLongAndNamesTheLimit(text: String) {
        #expect {
            try TimeSpan(parsing: text)
        } throws: { error in
            (error as? ValueParseError)?.message == "'\(text)' is too long a duration; the longest is 9223372036854775807s"
        }
    }

    /// The longest duration accepted, 2^63 − 1 seconds, and the most whole days within it
    /// (2^63 − 1 = 106 751 991 167 300 × 86 400 + 55 807).
    @Test func theLongestDurationsAreAccepted() throws {
        #expect(try TimeSpan(parsing: "9223372036854775807s").seconds == Int64.max)
        #expect(try TimeSpan(parsing: "106751991167300d").seconds == 9_223_372_036_854_720_000)
    }

    @Test func writesWholeSeconds() throws {
        #expect(try TimeSpan(parsing: "1h30m").description == "5400s")
    }
}

struct IdentifierTests {
    @Test func idsFollowTheRule() {
        #expect(Identifier.isValid("image-api"))
        #expect(Identifier.isValid("2019-10-30-catalogue-overload"))
        #expect(Identifier.isValid("a.b_c-d"))
        #expect(!Identifier.isValid("Image-API"))
        #expect(!Identifier.isValid("-leading-dash"))
        #expect(!Identifier.isValid(""))
        #expect(!Identifier.isValid(String(repeating: "a", count: 129)))
        #expect(Identifier.isValid(String(repeating: "a", count: 128)))
        #expect(!Identifier.isValid("jednorožec"))
    }

    @Test func causePathsAreMatchedSegmentBySegment() {
        #expect(Identifier.causePath("config", isWithin: "config"))
        #expect(Identifier.causePath("config/x", isWithin: "config"))
        #expect(Identifier.causePath("config/x/y", isWithin: "config/x"))
        #expect(!Identifier.causePath("configuration/y", isWithin: "config"))
        #expect(!Identifier.causePath("config", isWithin: "config/x"))
        #expect(Identifier.isValidCausePath("cache/key"))
        #expect(!Identifier.isValidCausePath("cache//key"))
        #expect(!Identifier.isValidCausePath("/cache"))
        #expect(!Identifier.isValidCausePath("cache/"))
        #expect(!Identifier.isValidCausePath("Cache/Key"))
    }

    @Test func shortTextOfLengthsPastInt64IsInWholeDays() {
        // 2^63 s / 86 400 = 106 751 991 167 300.6 days.
        #expect(DurationText.short(seconds: 9_223_372_036_854_775_808) == "106751991167300d")
        #expect(DurationText.short(seconds: -9_223_372_036_854_775_808) == "-106751991167300d")
        #expect(DurationText.short(seconds: 1e30).hasSuffix("d"))
        #expect(DurationText.short(seconds: 93_784) == "1d 2h")
    }

    @Test func shortTextOfLessThanASecondIsInMilliseconds() {
        #expect(DurationText.short(seconds: 0.3) == "300ms")
        #expect(DurationText.short(seconds: -0.3) == "-300ms")
        #expect(DurationText.short(seconds: 0.0009) == "<1ms")
        #expect(DurationText.short(seconds: 0) == "0s")
        #expect(DurationText.short(seconds: 1.5) == "1s")
    }

    @Test func exactTextKeepsEveryUnit() {
        // 1h30m45s = 5445 s; 2d + 5 s = 172805 s; 93784 s = 1 d 2 h 3 min 4 s.
        #expect(DurationText.exact(seconds: 5_445) == "1h 30m 45s")
        #expect(DurationText.exact(seconds: 172_805) == "2d 5s")
        #expect(DurationText.exact(seconds: 93_784) == "1d 2h 3m 4s")
        #expect(DurationText.exact(seconds: 900) == "15m")
        #expect(DurationText.exact(seconds: 0) == "0s")
        #expect(DurationText.exact(seconds: .min).hasPrefix("-"))
    }
}
