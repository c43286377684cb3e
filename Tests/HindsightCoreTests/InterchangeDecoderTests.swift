import Testing
@testable import HindsightCore

struct InterchangeDecoderTests {
    func decode(_ text: String) throws -> InterchangeDocument {
        try InterchangeDecoder.decode(Array(text.utf8), file: "t.yaml")
    }

    /// The problems reported for `text`, as printed.
    func problems(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch let error as InterchangeProblems {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    let minimalIncident = """
        version: 1
        incidents:
          - id: a
            title: An outage
            started_at: 2019-10-30T19:00:00+01:00
            mitigated_at: 2019-10-30T20:15:00+01:00
            resolved_at: 2019-10-30T20:35:00+01:00
            impacts:
              - service: api
        """

    @Test func impactDefaultsAreResolved() throws {
        let incident = try #require(try decode(minimalIncident).incidents.first).value
        let impact = try #require(incident.impacts.first)
        #expect(impact.start == incident.startedAt)
        #expect(impact.end == incident.mitigatedAt)
        #expect(impact.fraction == 1)
        #expect(incident.state == .resolved)
    }

    @Test func unknownKeyIsLocatedAndNamesTheAcceptedKeys() {
        let text = minimalIncident.replacingOccurrences(of: "resolved_at:", with: "resloved_at:")
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:7:5: incidents[0]: unknown key 'resloved_at'") == true)
        #expect(found.first?.contains("resolved_at") == true)
    }

    @Test func everyProblemOfAFileIsReported() {
        let text = """
            version: 1
            incidents:
              - id: Bad Id
                title: ""
                started_at: 2019-10-30T19:00:00
                impacts:
                  - service: api
                    fraction: 1.5
            """
        let found = problems(text)
        #expect(found.contains { $0.hasPrefix("t.yaml:3:9: incidents[0].id:") })
        #expect(found.contains { $0.hasPrefix("t.yaml:4:12: incidents[0].title: must not be empty") })
        #expect(found.contains { $0.hasPrefix("t.yaml:5:17: incidents[0].started_at:") && $0.contains("no UTC offset") })
        #expect(found.contains { $0.hasPrefix("t.yaml:8:19: incidents[0].impacts[0].fraction: 1.5 is out of range") })
    }

    @Test func timesMustBeInOrder() {
        let text = minimalIncident
            .replacingOccurrences(of: "resolved_at: 2019-10-30T20:35:00+01:00", with: "resolved_at: 2019-10-30T20:00:00+01:00")
        #expect(problems(text).first?.contains("resolved_at: 2019-10-30T19:00:00Z is before mitigated_at 2019-10-30T19:15:00Z") == true)
        let impactBackwards = minimalIncident + "\n        start: 2019-10-30T21:00:00+01:00\n        end: 2019-10-30T20:00:00+01:00"
        #expect(problems(impactBackwards).first?.contains("is not after start") == true)
    }

    /// started_at is when impact began, so no impact may begin before it; one that did showed a
    /// negative duration in a report made between the two. At it is fine.
    @Test func anImpactMayNotBeginBeforeTheIncident() {
        let early = minimalIncident + "\n        start: 2019-10-30T18:59:59+01:00"
        #expect(problems(early) == ["t.yaml:10:16: incidents[0].impacts[0].start: 2019-10-30T17:59:59Z is before the incident's "
                                    + "started_at 2019-10-30T18:00:00Z, which is when impact began; expected an instant at or "
                                    + "after it (or start the incident earlier)"])
        #expect(problems(minimalIncident + "\n        start: 2019-10-30T19:00:00+01:00").isEmpty)
    }

    /// An action of a postmortem counts as created when its incident started, so a completion
    /// before that gave it negative days to complete. At the start itself is fine.
    @Test func anActionMayNotBeCompletedBeforeItsIncidentStarted() {
        func incident(completedAt: String) -> String {
            minimalIncident + "\n    actions:\n      - id: fix\n        title: Fix\n        kind: prevent\n"
                + "        status: done\n        completed_at: \(completedAt)"
        }
        #expect(problems(incident(completedAt: "2019-10-30T18:59:59+01:00"))
                == ["t.yaml:15:23: incidents[0].actions[0].completed_at: 2019-10-30T17:59:59Z is before the incident's "
                    + "started_at 2019-10-30T18:00:00Z, when its actions count as created; expected an instant at or after it"])
        #expect(problems(incident(completedAt: "2019-10-30T18:00:00Z")).isEmpty)
    }

    @Test func actionsAddressFactorsOfTheirIncidentAndCloseOnlyWhenDone() {
        let text = """
            version: 1
            incidents:
              - id: a
                title: An outage
                started_at: 2019-10-30T19:00:00Z
                factors:
                  - {id: f1, title: A bug, cause: code/bug}
                  - {id: f1, title: Again, cause: code/bug}
                actions:
                  - {id: x, title: Fix, kind: prevent, addresses: [f2], status: open, completed_at: 2019-11-01T00:00:00Z}
                  - {id: y, title: Fix, kind: fix}
            """
        let found = problems(text)
        #expect(found.contains { $0.contains("duplicate factor id 'f1'") })
        #expect(found.contains { $0.contains("no factor 'f2' in this incident; known factors: f1") })
        #expect(found.contains { $0.contains("only a done or wont-do action has a completion time") })
        #expect(found.contains { $0.contains("'fix' is not one of prevent | mitigate | detect | process | investigate") })
    }

    @Test func numbersAndBooleansMustNotBeQuoted() {
        let text = minimalIncident + "\n        fraction: \"0.5\"\n" + "        note: fine"
        #expect(problems(text).first?.contains("found the quoted text '0.5'") == true)
        let yes = minimalIncident.replacingOccurrences(of: "title: An outage", with: "title: An outage\n    near_miss: yes")
        #expect(problems(yes).first?.contains("'yes' is not a boolean; expected true or false") == true)
    }

    @Test(arguments: [(".5", "0.5"), ("+0.5", "0.5"), ("1.", "1"), ("-.5e1", "-0.5e1"), ("00.25", "0.25"),
                      ("1.E-1", "1e-1"), ("0x1", "1"), ("0o1", "1"), ("0x0A", "10"), ("0o17", "15"), ("0xff", "255")])
    func yamlSpellingsOfNumbersAreRefusedWithTheJSONOne(written: String, json: String) {
        let text = minimalIncident + "\n        fraction: \(written)"
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:10:19: incidents[0].impacts[0].fraction: '\(written)' is not how the interchange "
                                       + "format writes numbers (as JSON does); write \(json)") == true, "\(found)")
        // What is not a number in YAML either is still called so.
        for other in ["0.5.1", "1e", "+", "010", "0x", "five", "+.nan", "1inf", "0x-1", "0x+1", "0o8", "0xG", "0x\u{FF11}"] {
            #expect(problems(minimalIncident + "\n        fraction: \(other)").first?.contains("'\(other)' is not a number;") == true, "\(other)")
        }
        // Past 1,000 hex digits no decimal is worked out (it would take time growing with the
        // square of the length); such a value is refused all the same, and at once.
        let endless = problems(minimalIncident + "\n        fraction: 0x" + String(repeating: "F", count: 1_001))
        #expect(endless.count == 1 && endless.first?.contains(" is not a number;") == true, "\(endless)")
    }

    /// YAML's infinities and NaN are numbers in YAML, so "not a number" would be wrong: they
    /// are named, with why the format does not take them.
    @Test(arguments: [(".inf", "infinity"), (".Inf", "infinity"), ("+.INF", "infinity"), ("-.inf", "minus infinity"),
                      (".nan", "NaN"), (".NaN", "NaN")])
    func yamlInfinitiesAndNaNAreNamed(written: String, name: String) {
        let found = problems(minimalIncident + "\n        fraction: \(written)")
        #expect(found == ["t.yaml:10:19: incidents[0].impacts[0].fraction: '\(written)' is YAML's \(name), which the interchange "
                          + "format does not take (its numbers are JSON's, which have no infinity or NaN); expected a number "
                          + "above 0 and at most 1, e.g. 0.8"])
    }

    @Test func aNumberTooLargeForADoubleIsOutOfRangeNotMisnamed() {
        let found = problems(minimalIncident + "\n        fraction: 1e400")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:10:19: incidents[0].impacts[0].fraction: '1e400' is out of range; expected a number") == true,
                "\(found)")
    }

    /// A number with more significant digits than a Double keeps was rounded silently: a fraction
    /// of twenty nines became 1 (a partial outage stored as a full one), and an objective just
    /// under 100 was refused as out of range. Each is refused, naming what would have been stored.
    @Test(arguments: [("0.99999999999999999999", "1"), ("0.123456789012345678", "0.12345678901234568"),
                      ("1e-400", "0")])
    func aFractionWithMoreDigitsThanAreKeptIsRefused(written: String, stored: String) {
        let found = problems(minimalIncident + "\n        fraction: \(written)")
        #expect(found == ["t.yaml:10:19: incidents[0].impacts[0].fraction: \(written) has more significant digits than a "
                          + "number keeps (about 15), so it would be stored as \(stored); expected a number above 0 and at "
                          + "most 1, e.g. 0.8, written with fewer digits"])
    }

    @Test func anObjectiveWithMoreDigitsThanAreKeptIsRefusedAsSuchNotAsOutOfRange() {
        let objective = "version: 1\nslas:\n  - {service: a, objective: 99.9999999999999999, window: year}\n"
        #expect(problems(objective).first?.contains("99.9999999999999999 has more significant digits than a number keeps "
                                                    + "(about 15), so it would be stored as 100;") == true, "\(problems(objective))")
    }

    /// Every spelling of a number that a Double holds exactly enough to give it back goes in,
    /// trailing zeros, exponents and 17 significant digits included.
    @Test(arguments: [("0.80", 0.8), ("8e-1", 0.8), ("0.30000000000000004", 0.30000000000000004), ("1.0", 1),
                      ("0.000001", 1e-6), ("5e-324", 5e-324)])
    func aNumberTheValueGivesBackIsKept(written: String, value: Double) throws {
        let document = try decode(minimalIncident + "\n        fraction: \(written)")
        #expect(document.incidents.first?.value.impacts.first?.fraction == value)
    }

    @Test func versionMustBeOne() {
        #expect(problems("version: 2\n").first?.contains("reads interchange version 1, not 2") == true)
        #expect(problems("services: []\n").first?.contains("missing required key 'version'") == true)
    }

    /// A version other than 1 was named `version:`, while a version written as text or with a
    /// point was named `document.version:`, as `document.services:` and the other top-level keys
    /// are: every problem with the version now names it `document.version`, in YAML and JSON.
    @Test func everyProblemWithTheVersionNamesItByItsPath() {
        #expect(problems("version: 2\n") == ["t.yaml:1:10: document.version: this hindsight reads interchange version 1, not 2"])
        #expect(problems("{\"version\": 2}") == ["t.yaml:1:13: document.version: this hindsight reads interchange version 1, not 2"])
        #expect(problems("version: \"1\"\n")
                == ["t.yaml:1:10: document.version: expected a whole number equal to 1, found the quoted text '1'"])
        #expect(problems("version: 1.0\n")
                == ["t.yaml:1:10: document.version: '1.0' is not a whole number; expected a whole number equal to 1"])
        #expect(problems("version: 1\nservices: 3\n") == ["t.yaml:2:11: document.services: expected a list, found a scalar"])
    }

    /// A whole number past what an Int64 holds was "not a whole number"; it is out of range, and
    /// the message names the largest a tier takes, 2^63 − 1, in YAML and JSON alike. One below the
    /// smallest is out of range too, its bound the field's own.
    @Test func aWholeNumberTooLargeIsOutOfRangeAndNamesTheLargest() throws {
        let largest = "expected a whole number of at least 1 and at most 9223372036854775807"
        #expect(problems("version: 1\nservices:\n  - {id: a, name: A, tier: 9223372036854775808}\n")
                == ["t.yaml:3:28: services[0].tier: '9223372036854775808' is out of range; \(largest)"])
        #expect(problems("{\"version\": 1, \"services\": [{\"id\": \"a\", \"name\": \"A\", \"tier\": 99999999999999999999}]}")
                == ["t.yaml:1:62: services[0].tier: '99999999999999999999' is out of range; \(largest)"])
        #expect(problems("version: 1\nservices:\n  - {id: a, name: A, tier: -9223372036854775809}\n")
                == ["t.yaml:3:28: services[0].tier: '-9223372036854775809' is out of range; expected a whole number of at least 1"])
        #expect(problems("version: 1\nservices:\n  - {id: a, name: A, tier: +9223372036854775808}\n")
                == ["t.yaml:3:28: services[0].tier: '+9223372036854775808' is not how the interchange format writes numbers "
                    + "(as JSON does); write 9223372036854775808, and it is out of range; \(largest)"])
        #expect(problems("version: 9223372036854775808\n")
                == ["t.yaml:1:10: document.version: '9223372036854775808' is out of range; expected a whole number equal to 1"])
        let tier = try decode("version: 1\nservices:\n  - {id: a, name: A, tier: 9223372036854775807}\n").services.first?.value.tier
        #expect(tier == Int.max)
    }

    @Test func nulAndInvalidUTF8AreRefusedWithTheirPosition() {
        var bytes = Array("version: 1\nservices:\n  - id: a\n    name: x".utf8)
        bytes.insert(0, at: bytes.count - 1)
        #expect(throws: InterchangeProblems.self) { try InterchangeDecoder.decode(bytes, file: "n.yaml") }
        #expect(TextEncodingCheck.firstProblem(in: bytes, file: "n.yaml")?.description.hasPrefix("n.yaml:4:11: NUL character") == true)
        let invalid: [UInt8] = Array("version: 1\n# caf".utf8) + [0xC3, 0x28]
        #expect(TextEncodingCheck.firstProblem(in: invalid, file: "u.yaml")?.description
                    .hasPrefix("u.yaml:2:6: invalid UTF-8 (byte 0xC3 at offset 16)") == true)
        // An escaped NUL inside a quoted string is refused too.
        #expect(problems("version: 1\nservices:\n  - id: a\n    name: \"x\\0y\"\n").first?.contains("NUL") == true)
        // Overlong encodings and surrogates are not UTF-8.
        #expect(TextEncodingCheck.firstProblem(in: [0xC0, 0xAF], file: "o") != nil)
        #expect(TextEncodingCheck.firstProblem(in: [0xED, 0xA0, 0x80], file: "s") != nil)
        #expect(TextEncodingCheck.firstProblem(in: Array("jednorožec 😀".utf8), file: "ok") == nil)
    }

    @Test func syntaxErrorsAndDuplicateKeysAreLocated() {
        #expect(problems("version: 1\nservices: [\n").first?.hasPrefix("t.yaml:") == true)
        #expect(problems("version: 1\nversion: 1\n").first?.contains("appears twice") == true)
        #expect(problems("").first?.contains("holds no document") == true)
    }

    /// A tab where YAML reads indentation is "a character that cannot start any token" to
    /// libyaml, which does not say the character is a tab; the message does.
    @Test func aTabWhereIndentationIsReadIsNamed() throws {
        let yaml = "version: 1\nservices:\n\t- {id: a, name: A}\n"
        let message = "t:3:1: not valid YAML or JSON: found character that cannot start any token (while scanning for the next "
            + "token); the character is a tab, and YAML indents with spaces only"
        #expect(try InterchangeStreamDecoderTests.stream(yaml).problems == [message])
        #expect(problems(yaml) == ["t.yaml" + message.dropFirst(1)])
        // Elsewhere the same words get no such hint: here the character is `%`.
        #expect(problems("version: 1\nservices:\n%x\n").first?.hasSuffix("tab, and YAML indents with spaces only") == false)
    }

    @Test func duplicateKeysAreNamedInOneOrderAtTheFirstOfThem() {
        // Yams lists duplicated keys in an order of its own; the message sorts them, and places
        // them at the first occurrence of the first name: `a` on line 3.
        let text = "version: 1\nb: 1\na: 2\nb: 3\na: 4\n"
        for _ in 0..<5 {
            #expect(problems(text) == ["t.yaml:3:1: not valid YAML or JSON: the key 'a', 'b' appears twice in one mapping"])
        }
        let nonText = problems("{\"version\": 1, [1]: 2, [1]: 3}")
        #expect(nonText.first?.hasSuffix("the key \(InterchangeDecoder.nonTextKey) appears twice in one mapping") == true,
                "\(nonText)")
    }

    @Test func jsonIsReadByTheSameRules() throws {
        let json = #"{"version":1,"services":[{"id":"api","name":"API","tier":1}],"slas":[{"service":"api","objective":99.9,"window":"quarter"}]}"#
        let document = try decode(json)
        #expect(document.services.first?.value.tier == 1)
        #expect(document.slas.first?.value.allowance == .objective(percent: 99.9))
        #expect(document.slas.first?.value.timeZone == "UTC")
    }

    @Test func slaNeedsExactlyOneAllowanceAndAKnownZone() {
        let both = "version: 1\nslas:\n  - {service: a, objective: 99.9, allowed_downtime: 15m, window: year}\n"
        #expect(problems(both).first?.contains("exactly one of allowed_downtime and objective") == true)
        let neither = "version: 1\nslas:\n  - {service: a, window: year}\n"
        #expect(problems(neither).first?.contains("missing allowed_downtime or objective") == true)
        let zone = "version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: PST}\n"
        #expect(problems(zone).first?.contains("'PST' names no place") == true)
        let objective = "version: 1\nslas:\n  - {service: a, objective: 100, window: year}\n"
        #expect(problems(objective).first?.contains("100 is out of range") == true)
    }

    @Test func aFixedAllowanceMustBeShorterThanTheShortestWindowInItsZone() {
        // A UTC week is always 604800 s, so 604799 s fits; Prague's spring weeks last
        // 7 × 86400 − 3600 = 601200 s, so there 601199 s is the most that fits.
        func sla(_ allowed: String, _ zone: String) -> String {
            "version: 1\nslas:\n  - {service: a, allowed_downtime: \(allowed), window: week, timezone: \(zone)}\n"
        }
        #expect(problems(sla("604799s", "UTC")).isEmpty)
        #expect(problems(sla("604800s", "UTC")).first?.contains("604800s is not shorter than a week window, which can be as short as 7 days") == true)
        #expect(problems(sla("601199s", "Europe/Prague")).isEmpty)
        #expect(problems(sla("601200s", "Europe/Prague")) == [
            "t.yaml:3:36: slas[0].allowed_downtime: 601200s is not shorter than every week window it applies to: in Europe/Prague, 1979-W13 lasts only 6d 23h (601200s); expected a duration such as 15m",
        ])
    }

    /// The finding is kept as facts as well as words, so that `sla change` can word it for
    /// options instead of fields: Prague's spring week of 1979 (ISO week 13, Monday 26 March to
    /// Monday 2 April, the clocks moved on Sunday 1 April) lasted 7 × 86400 − 3600 = 601200 s.
    @Test func aTooLongAllowanceCarriesTheWindowItDoesNotFit() throws {
        let text = "version: 1\nslas:\n  - {service: a, allowed_downtime: 7d, window: week, timezone: Europe/Prague}\n"
        let refused = #expect(throws: InterchangeProblems.self) { try decode(text) }
        let excess = try #require(refused?.problems.first?.excessAllowance)
        #expect(excess.allowed.seconds == 604_800 && excess.window == .week && excess.shortest?.timeZoneName == "Europe/Prague")
        #expect(excess.shortest?.label == "1979-W13")
        #expect(excess.shortestSeconds == 601_200)
    }

    /// A day of the SLA that is refused leaves its windows unknown: the allowance is judged once
    /// the day is given right, not against the SLA's whole life, which would call it too long
    /// for windows the SLA may never judge.
    @Test(arguments: ["effective_from: 2030-02-30", "effective_until: 2030-13-01"])
    func anAllowanceIsNotJudgedWhileTheSLAsDaysAreRefused(day: String) {
        let text = "version: 1\nslas:\n  - {service: a, allowed_downtime: 7d, window: week, \(day)}\n"
        let found = problems(text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("is not a date") == true, "\(found)")
    }

    /// Foundation's list of zones names each zone once, for some by an older name
    /// (`Asia/Calcutta`); the current names and the database's links are IANA names too.
    @Test(arguments: ["Asia/Kolkata", "Asia/Calcutta", "Etc/UTC", "US/Pacific", "Europe/Kyiv", "UTC", "GMT"])
    func everyNameOfTheTimeZoneDatabaseIsAccepted(zone: String) throws {
        let document = try decode("version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: \(zone)}\n")
        #expect(document.slas.first?.value.timeZone == zone)
    }

    @Test(arguments: ["+01:00", "Europe/Prag", "europe/prague", "Etc/Unknown"])
    func unknownNamesAreRefused(zone: String) {
        let document = "version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: \"\(zone)\"}\n"
        #expect(problems(document).first?.contains("'\(zone)' is not an IANA time zone name") == true)
    }

    /// Names the time zone database does know, but not of a place: refused as such, not as
    /// unknown names, which they are not.
    @Test(arguments: ["PST", "CET", "EST", "EST5EDT", "GMT+5", "Zulu"])
    func abbreviationsAndLegacyNamesAreRefusedAsNamingNoPlace(zone: String) {
        let document = "version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: \"\(zone)\"}\n"
        // `  - {service: a, objective: 99.9, window: year, timezone: ` is 58 characters.
        #expect(problems(document) == ["t.yaml:3:59: slas[0].timezone: '\(zone)' names no place (it is an abbreviation, an "
                                       + "offset or a legacy name), so it does not say whose daylight-saving rules apply; "
                                       + "expected an Area/Location name such as Europe/Prague or America/Los_Angeles, or UTC"])
    }

    /// The database's offset names are refused with the offset they stand for, its sign the other
    /// way round from the name's; a zero offset is UTC, and accepted as the link it is.
    @Test(arguments: [("Etc/GMT+5", "UTC-5"), ("Etc/GMT-14", "UTC+14"), ("Etc/GMT+12", "UTC-12")])
    func offsetNamesAreRefusedWithTheOffsetTheyMean(zone: String, meaning: String) {
        let document = "version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: \"\(zone)\"}\n"
        #expect(problems(document) == ["t.yaml:3:59: slas[0].timezone: '\(zone)' is a fixed offset, not a place: the database "
                                       + "writes it with the sign turned round, so it means \(meaning), and no daylight saving; "
                                       + "expected an Area/Location name such as Europe/Prague or America/Los_Angeles, or UTC"])
    }

    @Test(arguments: ["Etc/GMT+0", "Etc/GMT-0", "Etc/GMT", "Etc/UTC"])
    func zeroOffsetNamesAreUTCAndAccepted(zone: String) {
        let document = "version: 1\nslas:\n  - {service: a, objective: 99.9, window: year, timezone: \"\(zone)\"}\n"
        #expect(problems(document).allSatisfy { !$0.contains("timezone") }, "\(problems(document))")
    }

    /// Yams reads a scalar through Foundation, which drops a U+FEFF at its start as if it were a
    /// byte order mark; text is stored byte for byte, however the character is written.
    @Test func aLeadingFEFFInTextIsKept() throws {
        let yaml = """
            version: 1
            services:
              - {id: a, name: "\\uFEFFescaped"}
              - {id: b, name: "\\uFEFF\\ufeffTwo", team: "mid\\uFEFFdle"}
              - {id: c, name: "\u{FEFF}raw", description: '\u{FEFF}single'}
              - id: d
                name: \u{FEFF}plain
                description: |
                  \u{FEFF}block
              - {id: e, name: &n "\\U0000FEFFaliased", team: *n}
              - {id: f, name: "\\uFEFF"}
            """
        let expected: [[String?]] = [
            ["\u{FEFF}escaped", nil, nil],
            ["\u{FEFF}\u{FEFF}Two", "mid\u{FEFF}dle", nil],
            ["\u{FEFF}raw", nil, "\u{FEFF}single"],
            ["\u{FEFF}plain", nil, "\u{FEFF}block\n"],
            ["\u{FEFF}aliased", "\u{FEFF}aliased", nil],
            ["\u{FEFF}", nil, nil],
        ]
        func fields(_ document: InterchangeDocument) -> [[[UInt32]?]] {
            document.services.map { service in
                [service.value.name, service.value.team, service.value.description].map { $0.map { $0.unicodeScalars.map(\.value) } }
            }
        }
        let wanted = expected.map { $0.map { $0.map { $0.unicodeScalars.map(\.value) } } }
        #expect(fields(try decode(yaml)) == wanted)
        let streamed = try InterchangeStreamDecoderTests.stream(yaml)
        #expect(streamed.problems == [])
        #expect(fields(streamed.document) == wanted)

        // In JSON, escaped (read without Yams) and raw (read by Yams).
        let json = "{\"version\": 1, \"services\": [{\"id\": \"a\", \"name\": \"\\ufeffescaped\"}, {\"id\": \"c\", \"name\": \"\u{FEFF}raw\"}]}"
        let jsonWanted = [wanted[0], [wanted[2][0], nil, nil]]
        #expect(fields(try decode(json)) == jsonWanted)
        #expect(fields(try InterchangeStreamDecoderTests.stream(json).document) == jsonWanted)
    }

    /// JSON writers escape characters beyond U+FFFF as surrogate pairs (Python's json.dumps does by
    /// default); they are read as the character, whether the file is read record by record or
    /// whole (here, with `version` last); half a pair is refused at its backslash.
    @Test func jsonSurrogatePairsAreReadAsTheCharacter() throws {
        let cut = #"{"version":1,"services":[{"id":"e","name":"Pager \ud83d\ude00"}]}"#
        let sorted = #"{"services":[{"id":"e","name":"Pager \ud83d\ude00"}],"version":1}"#
        for json in [cut, sorted] {
            #expect(try decode(json).services.map(\.value.name) == ["Pager 😀"])
            let streamed = try InterchangeStreamDecoderTests.stream(json)
            #expect(streamed.problems == [])
            #expect(streamed.document.services.map(\.value.name) == ["Pager 😀"])
        }
        // `{"version":1,"services":[{"id":"e","name":"Pager ` is 49 characters.
        let message = "not valid YAML or JSON: this escape names no character: a UTF-16 surrogate (\\uD800 to \\uDFFF) "
            + "is only half of one, read in JSON as a high half followed by a low half (\\ud83d\\ude00), and none "
            + "lies beyond \\U0010FFFF; write the character itself, or in YAML \\U0001F600"
        for half in [#"\ud83d"#, #"\ude00"#, #"\ud83d\u0041"#, #"\ud83d!"#] {
            let json = #"{"version":1,"services":[{"id":"e","name":"Pager "# + half + #""}]}"#
            #expect(problems(json) == ["t.yaml:1:50: " + message])
            #expect(try InterchangeStreamDecoderTests.stream(json).problems == ["t:1:50: " + message])
        }
        // An escape past the last character gets the same words from libyaml, placed at its
        // backslash: `  - {id: e, name: "Pager ` is 25 characters.
        let beyond = "version: 1\nservices:\n  - {id: e, name: \"Pager \\U00110000\"}\n"
        #expect(problems(beyond) == ["t.yaml:3:26: " + message])
    }
}
