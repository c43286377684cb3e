import Foundation
import Testing

/// `hindsight sla` and `hindsight maintenance` run as a user would: values are checked exactly as
/// an import checks them, and a refused change leaves the database's bytes as they were.
struct CatalogCommandTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    private func run(_ arguments: [String]) throws -> BinaryResult {
        try Hindsight.run(arguments + ["--db", db], home: sandbox.path)
    }

    /// A value checked only once the command runs (here a time zone, against the SLA it would
    /// change) is refused with the subcommand's usage, as values refused while parsing are, not
    /// the root's `Usage: hindsight <subcommand>`.
    @Test func aValueRefusedWhileRunningShowsTheSubcommandsUsage() throws {
        let refused = try run(["sla", "change", "url-shortener", "--tz", "Mars/Base"])
        #expect(refused.status == 64)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("error: --tz: 'Mars/Base' is not an IANA time zone name") == true, "stderr was: \(refused.stderr)")
        #expect(lines.count == 4 && lines[3].isEmpty, "stderr was: \(refused.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hindsight sla change ") == true, "stderr was: \(refused.stderr)")
        #expect(lines.dropFirst(2).first == "  See 'hindsight sla change --help' for more information.", "stderr was: \(refused.stderr)")
    }

    /// A refused --tz leaves the windows a kept fixed allowance would be judged against unknown:
    /// only the zone is named, not the allowance the user did not give.
    @Test func aKeptAllowanceIsNotJudgedAgainstARefusedZone() throws {
        #expect(try run(["sla", "change", "url-shortener", "--allowed-downtime", "7d", "--window", "month"]).status == 0)
        let refused = try run(["sla", "change", "url-shortener", "--window", "week", "--tz", "Mars/Base"])
        #expect(refused.status == 64)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: --tz: 'Mars/Base' is not an IANA time zone name") == true, "\(refused.stderr)")
        #expect(!lines.contains { !$0.hasPrefix("Usage: ") && $0.contains("allowed") }, "\(refused.stderr)")
    }

    /// Several refused options are listed one per line before the usage, as the contract asks of
    /// errors; a line break in a value echoed in one of them is still written as an escape.
    @Test(arguments: [
        (["sla", "add", "url-shortener", "--from", "2030-02-30", "--objective", "200", "--window", "month", "--tz", "a\nb"],
         ["error: --objective: 200 is out of range; expected a number between 0 and 100 (exclusive), e.g. 99.9",
          "--tz: 'a\\u{a}b' is not an IANA time zone name; expected a name such as UTC, Europe/Prague or America/Los_Angeles",
          "--from: '2030-02-30' is not a date: day 30 does not exist in February 2030, which has 28 days"],
         "hindsight sla add"),
        (["sla", "change", "url-shortener", "--objective", "200", "--partial", "bogus"],
         ["error: --objective: 200 is out of range; expected a number between 0 and 100 (exclusive), e.g. 99.9",
          "--partial: 'bogus' is not one of weighted | full"],
         "hindsight sla change"),
        (["maintenance", "add", "url-shortener", "--start", "2023-05-16", "--end", "yesterday"],
         ["error: --start: '2023-05-16' is not an instant: it has no time of day; expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00",
          "--end: 'yesterday' is not an instant: it does not start with a YYYY-MM-DD date; expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00"],
         "hindsight maintenance add"),
    ])
    func everyRefusedOptionHasALineOfItsOwn(arguments: [String], problems: [String], command: String) throws {
        let before = sandbox.bytes("demo.sqlite")
        let refused = try run(arguments)
        #expect(refused.status == 64)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(problems.count)) == problems, "\(refused.stderr)")
        #expect(lines.dropFirst(problems.count).first?.hasPrefix("Usage: \(command) ") == true, "\(refused.stderr)")
        #expect(lines.count == problems.count + 2, "\(refused.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// The options of `action add` are checked before the knowledge base is opened: a wrong option
    /// is a usage error whether or not the file exists.
    @Test func actionOptionsAreCheckedBeforeTheKnowledgeBase() throws {
        let refused = try Hindsight.run(["action", "add", "2023-05-16-url-shortener-json-load", "--title", "Fix",
                                         "--kind", "prevent", "--due", "2023-02-30", "--db", sandbox.file("missing.sqlite")],
                                        home: sandbox.path)
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("error: --due: '2023-02-30' is not a date"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("missing.sqlite")))
    }

    private func yearWindow(_ service: String, _ year: String) throws -> [String: Any] {
        let result = try run(["report", "--year", year, "--service", service, "--format", "json"])
        #expect(result.succeededQuietly, "\(result)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let section = (report["services"] as? [[String: Any]])?.first
        return (section?["windows"] as? [[String: Any]])?.first ?? [:]
    }

    /// The main database file's bytes after a checkpoint-free refusal must not change.
    private func refusalChangesNothing(_ arguments: [String], status: Int32, message: String) throws {
        let before = sandbox.bytes("demo.sqlite")
        let result = try run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    @Test func anSLAIsEndedThenFollowedByANewOne() throws {
        #expect(try run(["sla", "change", "url-shortener", "--until", "2023-12-31"]).status == 0)
        let added = try run(["sla", "add", "url-shortener", "--from", "2024-01-01", "--objective", "99.9", "--window", "quarter",
                             "--credit", "99.9:10"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("99.9% per quarter (UTC) from 2024-01-01"))
        // Q1 2024 has 91 days: 99.9 % allows 7862.4 s.
        let result = try run(["report", "--quarter", "2024Q1", "--service", "url-shortener", "--format", "json"])
        #expect(result.succeededQuietly, "\(result)")
        #expect(result.stdout.contains("\"allowed_downtime_seconds\": 7862.4"), "\(result.stdout)")
        // The 2023 year still follows the SLA in force on 1 January 2023.
        #expect(try yearWindow("url-shortener", "2023")["allowed_downtime_seconds"] as? Double == 900)
    }

    /// `--credit` replaces every tier and `--no-credits` removes them, so the confirmation names
    /// the tiers the SLA has afterwards, in the order given.
    @Test func addingOrChangingAnSLASaysWhichCreditsItHas() throws {
        let replaced = try run(["sla", "change", "url-shortener", "--credit", "99.9:10", "--credit", "99:25"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout == "Changed the SLA of url-shortener: 15m down per year (UTC); credits 10% below 99.9%, "
                + "25% below 99%.\n", "\(replaced.stdout)")
        let removed = try run(["sla", "change", "url-shortener", "--no-credits"])
        #expect(removed.stdout == "Changed the SLA of url-shortener: 15m down per year (UTC); no credits.\n", "\(removed.stdout)")
        let again = try run(["sla", "change", "url-shortener", "--no-credits"])
        #expect(again.stdout == "Nothing to change: the SLA of url-shortener is already 15m down per year (UTC); no credits.\n",
                "\(again.stdout)")
        #expect(try run(["sla", "change", "url-shortener", "--until", "2029-12-31"]).status == 0)
        let added = try run(["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99.5", "--window", "month",
                             "--credit", "99.5:5"])
        #expect(added.stdout == "Added the SLA of url-shortener: 99.5% per month (UTC) from 2030-01-01; credits 5% below 99.5%.\n",
                "\(added)")
    }

    /// An allowance of 1h30m45s (5445 s) is described as that, not shortened to 1h 30m.
    @Test func aFixedAllowanceIsDescribedToTheSecond() throws {
        let changed = try run(["sla", "change", "url-shortener", "--allowed-downtime", "1h30m45s"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("1h 30m 45s down per year (UTC)"), "\(changed.stdout)")
        let services = try run(["services"])
        #expect(services.succeededQuietly, "\(services)")
        #expect(services.stdout.contains("1h 30m 45s down per year (UTC)"), "\(services.stdout)")
        #expect(try yearWindow("url-shortener", "2023")["allowed_downtime_seconds"] as? Double == 5_445)
    }

    @Test func changingTheObjectiveChangesTheBudget() throws {
        #expect(try run(["sla", "change", "url-shortener", "--allowed-downtime", "30m"]).status == 0)
        let window = try yearWindow("url-shortener", "2023")
        #expect(window["allowed_downtime_seconds"] as? Double == 1_800)
        #expect(window["breached"] as? Bool == false)
        let unchanged = try run(["sla", "change", "url-shortener", "--allowed-downtime", "30m"])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.hasPrefix("Nothing to change"))
    }

    @Test(arguments: [
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "100", "--window", "daily"],
         Int32(64), "--objective: 100 is out of range"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "daily"],
         Int32(64), "--window: 'daily' is not one of"),
        // Numbers typed as options are told what the option takes, not about the interchange format.
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", ".5", "--window", "month"],
         Int32(64), "--objective: '.5' is not accepted as written; write 0.5 (numbers are plain decimals such as 99.9 or 1e-3: "
            + "no '+' sign, no point without a digit on each side, no hex or octal)\n"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "month", "--credit", "99:+10"],
         Int32(64), "--credit #1 (the credit): '+10' is not accepted as written; write 10 (numbers are plain decimals"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", ".inf", "--window", "month"],
         Int32(64), "--objective: '.inf' is infinity, which is not accepted; expected a number between 0 and 100 (exclusive), e.g. 99.9\n"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "NaN", "--window", "month"],
         Int32(64), "--objective: 'NaN' is NaN, which is not accepted; expected a number between 0 and 100"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--allowed-downtime", "5m", "--window", "month"],
         Int32(64), "exactly one of --allowed-downtime and --objective"),
        (["sla", "add", "url-shortener", "--from", "2030-02-30", "--objective", "99", "--window", "month"],
         Int32(64), "--from: '2030-02-30' is not a date"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "month", "--tz", "CET+1"],
         Int32(64), "--tz: 'CET+1' is not an IANA time zone name"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "month", "--credit", "99"],
         Int32(64), "--credit #1 '99' is not BELOW:PERCENT"),
        // From 2030 on, Prague's spring week is 2030-W13 (Monday 25 March to Monday 1 April 2030,
        // the change on Sunday 31 March): 7 × 86400 − 3600 = 601200 s, shorter than 6d 23h 30m.
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--allowed-downtime", "6d23h30m", "--window", "week",
          "--tz", "Europe/Prague"],
         Int32(64), "--allowed-downtime: 603000s is not shorter than every week window it applies to: in Europe/Prague, 2030-W13 lasts only 6d 23h (601200s)"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "month"],
         Int32(65), "overlaps its SLA effective always to open end"),
        (["sla", "add", "no-such-service", "--objective", "99", "--window", "month"], Int32(65), "no service with id 'no-such-service'"),
        (["sla", "add", "url-shortener", "--objective", "99", "--window", "month"], Int32(65), "already has an SLA effective from always"),
        (["sla", "change", "url-shortener", "--effective-from", "2020-01-01", "--objective", "99"], Int32(65), "no SLA effective from 2020-01-01"),
        (["sla", "change", "url-shortener", "--until", "2023-13-01"], Int32(64), "--until: '2023-13-01' is not a date"),
        // A change naming no field is a slip, as in `maintenance change`; it exited 0 ("Nothing to change").
        (["sla", "change", "url-shortener"], Int32(64), "error: nothing to change: give --objective, --allowed-downtime, "
            + "--window, --tz, --until, --partial, --credit or --no-credits\n"),
        (["sla", "change", "url-shortener", "--effective-from", "always"], Int32(64), "error: nothing to change: give"),
        (["maintenance", "add", "url-shortener", "--start", "2023-05-16T14:10:00Z", "--end", "2023-05-16T14:00:00Z"],
         Int32(64), "--end: 2023-05-16T14:00:00Z is not after start"),
        (["maintenance", "add", "url-shortener", "--start", "2023-05-16", "--end", "2023-05-16T14:00:00Z"],
         Int32(64), "--start: '2023-05-16' is not an instant"),
        // A --new-start at the kept end (16:00+01:00 is 15:00Z) makes an empty window: the option
        // given is named, not the --end the user left alone ("--end: … is not after start …").
        (["maintenance", "change", "url-shortener", "--start", "2023-05-16T14:00:00Z", "--end", "2023-05-16T15:00:00Z",
          "--new-start", "2023-05-16T16:00:00+01:00"],
         Int32(64), "error: --new-start: 2023-05-16T15:00:00Z is not before the window's end 2023-05-16T15:00:00Z; "
            + "give a --new-end after it too\n"),
        (["maintenance", "add", "nobody", "--start", "2023-05-16T14:00:00Z", "--end", "2023-05-16T15:00:00Z"],
         Int32(65), "no service with id 'nobody'"),
        (["maintenance", "remove", "url-shortener", "--start", "2023-05-16T14:00:00Z", "--end", "2023-05-16T15:00:00Z"],
         Int32(65), "no maintenance of url-shortener"),
    ])
    func badInputIsRefusedAndChangesNothing(arguments: [String], status: Int32, message: String) throws {
        try refusalChangesNothing(arguments, status: status, message: message)
    }

    /// A value typed on the command line went through the decoder as a YAML word, so an empty
    /// one or one YAML reads as null (`""`, `~`, `null`) left its field out: `sla change --tz ""`
    /// set the zone to UTC, `--until null` took away the SLA's end, `--from ""` added an SLA
    /// "since always" (refused as overlapping, exit 65) and `action add --due ""` derived a due
    /// date. Each is now a bad value of the option it was given to, and nothing is written.
    @Test(arguments: [
        (["sla", "change", "url-shortener", "--tz", ""], "error: --tz: '' is not an IANA time zone name"),
        (["sla", "change", "url-shortener", "--until", "null"], "error: --until: 'null' is not a date"),
        (["sla", "change", "url-shortener", "--partial", "~"], "error: --partial: '~' is not one of weighted | full"),
        (["sla", "add", "url-shortener", "--from", "", "--objective", "99", "--window", "month"],
         "error: --from: '' is not a date"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "Null", "--window", "month"],
         "error: --objective: 'Null' is not a number; expected a number between 0 and 100 (exclusive)"),
        (["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99", "--window", "month", "--credit", "~:10"],
         "error: --credit #1 (the level below which it applies): '~' is not a number"),
        (["maintenance", "add", "url-shortener", "--start", "", "--end", "2023-05-16T15:00:00Z"],
         "error: --start: '' is not an instant"),
        (["action", "add", "2023-05-16-url-shortener-json-load", "--title", "Fix", "--kind", "prevent", "--due", ""],
         "error: --due: '' is not a date"),
    ])
    func anEmptyOrNullValueIsABadValueNotALeftOutOne(arguments: [String], message: String) throws {
        try refusalChangesNothing(arguments, status: 64, message: message)
    }

    /// Moving a maintenance window onto the start and end of another window of its service
    /// replaced that one: of two windows, one was left, with the moved window's note, and the
    /// command said "Changed". The move is refused (exit 65) and both windows stay.
    @Test func aWindowIsNotMovedOntoAnother() throws {
        for (start, end, note) in [("2023-05-16T14:00:00Z", "2023-05-16T15:00:00Z", "upgrade"),
                                   ("2023-05-16T14:10:00Z", "2023-05-16T14:20:00Z", "reindex")] {
            let added = try run(["maintenance", "add", "url-shortener", "--start", start, "--end", end, "--note", note])
            #expect(added.status == 0, "\(added.stderr)")
        }
        try refusalChangesNothing(["maintenance", "change", "url-shortener", "--start", "2023-05-16T14:10:00Z",
                                   "--end", "2023-05-16T14:20:00Z", "--new-start", "2023-05-16T14:00:00Z",
                                   "--new-end", "2023-05-16T15:00:00Z"],
                                  status: 65, message: """
            error: maintenance of url-shortener 2023-05-16T14:00:00Z to 2023-05-16T15:00:00Z is already recorded, so \
            2023-05-16T14:10:00Z to 2023-05-16T14:20:00Z cannot move there (a window is known by its service, start and \
            end); to move it anyway, remove that one first with 'hindsight maintenance remove url-shortener \
            --start 2023-05-16T14:00:00Z --end 2023-05-16T15:00:00Z'

            """)
        let listed = try run(["maintenance", "list", "--format", "json"])
        let windows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(windows.compactMap { $0["note"] as? String } == ["upgrade", "reindex"], "\(listed.stdout)")
        // Moving a window to times no other window has still works, the note kept.
        let moved = try run(["maintenance", "change", "url-shortener", "--start", "2023-05-16T14:10:00Z",
                             "--end", "2023-05-16T14:20:00Z", "--new-end", "2023-05-16T15:00:00Z"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let after = try run(["maintenance", "list", "--format", "csv"]).quietOutput()
        #expect(after.contains("url-shortener,2023-05-16T14:10:00Z,2023-05-16T15:00:00Z,reindex\r\n"), "\(after)")
    }

    /// A change that gives a window the times and note it already has said "Changed" and wrote the
    /// window again; it now says there was nothing to change and writes nothing, as `sla change` does.
    @Test func aChangeToTheSameValuesChangesNothing() throws {
        let window = ["url-shortener", "--start", "2023-05-16T14:00:00Z", "--end", "2023-05-16T15:00:00Z"]
        let added = try run(["maintenance", "add"] + window + ["--note", "upgrade"])
        #expect(added.status == 0, "\(added.stderr)")
        let before = sandbox.bytes("demo.sqlite")
        let same = try run(["maintenance", "change"] + window + ["--new-end", "2023-05-16T15:00:00Z", "--note", "upgrade"])
        #expect(same.stdout == "Nothing to change: maintenance of url-shortener 2023-05-16T14:00:00Z to "
                + "2023-05-16T15:00:00Z already has these times and note.\n")
        #expect(same.status == 0 && same.stderr.isEmpty, "\(same.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
        let noted = try run(["maintenance", "change"] + window + ["--note", "upgrade, overran"])
        #expect(noted.stdout == "Changed maintenance to url-shortener 2023-05-16T14:00:00Z to 2023-05-16T15:00:00Z.\n",
                "\(noted.stderr)")
    }

    /// A service id that no service could have is a bad value on the command line (exit 64, with
    /// what an id may hold), in every `sla` and `maintenance` subcommand alike: `sla change` and
    /// `maintenance list --service` looked it up instead and said only that no such service
    /// exists (exit 65), where `sla add` and `maintenance add` named the rule.
    @Test(arguments: [
        ["sla", "change", "Url Shortener", "--objective", "99"],
        ["maintenance", "list", "--service", "Url Shortener"],
        ["maintenance", "--service", "url-shortener", "--service", "Url Shortener"],
    ])
    func aMalformedServiceIDIsABadValueInEverySubcommand(_ arguments: [String]) throws {
        let before = sandbox.bytes("demo.sqlite")
        let result = try run(arguments)
        let label = arguments.contains("--service") ? "--service" : "SERVICE"
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "error: \(label): 'Url Shortener' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}: "
                + "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters",
                "\(arguments): \(result.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hindsight \(arguments[0]) ") == true, "\(arguments): \(result.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// The README gives `sla change` "any of the options above" of `sla add`, `--from` among
    /// them, but an SLA is known by its first day, which `sla change` cannot move: `--from` was
    /// refused as an unknown option, with nothing said of what to do instead. It is now refused
    /// with the way to get there: pick the SLA with --effective-from, or end it and add another.
    @Test func slaChangeRefusesFromWithWhatToDoInstead() throws {
        let before = sandbox.bytes("demo.sqlite")
        let result = try run(["sla", "change", "url-shortener", "--from", "2024-01-01"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "error: --from: an SLA's first day cannot change, since the SLA is known by it; pick the SLA "
                + "with --effective-from DATE, or end it with --until DATE and start the next one with "
                + "'hindsight sla add url-shortener --from DATE'", "stderr was: \(result.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hindsight sla change ") == true, "stderr was: \(result.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// `sla change --until` before the SLA's first day named an option `sla change` refuses,
    /// "--from"; it names the SLA's first day, and `sla add` still names its own --from.
    @Test func anEndBeforeTheFirstDayNamesWhereTheFirstDayComesFrom() throws {
        #expect(try run(["sla", "change", "url-shortener", "--until", "2029-12-31"]).status == 0)
        let added = try run(["sla", "add", "url-shortener", "--from", "2030-01-01", "--objective", "99.9", "--window", "year"])
        #expect(added.status == 0, "\(added.stderr)")
        let before = sandbox.bytes("demo.sqlite")
        let changed = try run(["sla", "change", "url-shortener", "--effective-from", "2030-01-01", "--until", "2029-12-31"])
        #expect(changed.status == 64)
        #expect(changed.stderr.hasPrefix("error: --until: 2029-12-31 is before the SLA's first day 2030-01-01\n"),
                "\(changed.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
        let adding = try run(["sla", "add", "url-shortener", "--from", "2031-01-01", "--until", "2030-12-31",
                              "--objective", "99.9", "--window", "year"])
        #expect(adding.stderr.hasPrefix("error: --until: 2030-12-31 is before --from 2031-01-01\n"), "\(adding.stderr)")
    }

    /// An SLA's fixed allowance kept by `sla change` while --tz or --window changes its windows
    /// was refused as "--allowed-downtime: …", an option the user had not given. The message now
    /// names the options that were given and says what the kept allowance must be shorter than.
    @Test(arguments: [
        // Prague's first summer time began on Sunday 1 April 1979: the week from Monday 26 March
        // (ISO week 13) lasted 7 × 86400 − 3600 = 601200 s, less than 6d 23h 30m = 603000 s.
        ("6d23h30m", "week", ["--tz", "Europe/Prague"],
         "--tz Europe/Prague: the SLA's allowed downtime of 6d 23h 30m (603000s) is not shorter than every week window: "
            + "the shortest, 1979-W13 in Europe/Prague, lasts 6d 23h (601200s); give with it an --allowed-downtime "
            + "shorter than 601200s, or an --objective instead"),
        // Every UTC week lasts 604800 s; the first to start from 1970 on is Monday 5 January 1970,
        // in ISO week 2 (week 1 holds Thursday 1 January).
        ("7d", "month", ["--window", "week", "--until", "2030-12-31"],
         "--window week --until 2030-12-31: the SLA's allowed downtime of 7d (604800s) is not shorter than every week "
            + "window: the shortest, 1970-W02 in UTC, lasts 7d (604800s); give with them an --allowed-downtime "
            + "shorter than 604800s, or an --objective instead"),
    ])
    func aKeptAllowanceThatNoLongerFitsNamesTheOptionsThatChanged(allowed: String, window: String, change: [String],
                                                                   message: String) throws {
        let set = try run(["sla", "change", "url-shortener", "--allowed-downtime", allowed, "--window", window])
        #expect(set.status == 0, "\(set.stderr)")
        let before = sandbox.bytes("demo.sqlite")
        let result = try run(["sla", "change", "url-shortener"] + change)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == "error: " + message, "\(result.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// When another option is refused itself (a --until that is not a date), the kept allowance
    /// is not judged against windows that option does not yet say: only that option is named.
    @Test func aKeptAllowanceIsNotJudgedAgainstARefusedOption() throws {
        #expect(try run(["sla", "change", "url-shortener", "--allowed-downtime", "6d23h30m", "--window", "week"]).status == 0)
        let before = sandbox.bytes("demo.sqlite")
        let result = try run(["sla", "change", "url-shortener", "--tz", "Europe/Prague", "--until", "2030-13-01"])
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").first.map(String.init)
                == "error: --until: '2030-13-01' is not a date: month 13 does not exist; expected 01–12", "\(result.stderr)")
        // The usage line lists --allowed-downtime among the options; no other line may name it.
        #expect(!result.stderr.split(separator: "\n").contains { !$0.hasPrefix("Usage: ") && $0.contains("allowed") },
                "\(result.stderr)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    @Test func maintenanceIsCutOutOfTheDowntime() throws {
        let added = try run(["maintenance", "add", "url-shortener", "--start", "2023-05-16T14:10:00Z",
                             "--end", "2023-05-16T14:20:00Z", "--note", "null"])
        #expect(added.status == 0, "\(added.stderr)")
        // 23 minutes of outage, 10 of them announced: 780 s, within the 900 s allowed.
        var window = try yearWindow("url-shortener", "2023")
        #expect(window["downtime_seconds"] as? Double == 780)
        #expect(window["breached"] as? Bool == false)
        let listed = try run(["maintenance", "list", "--service", "url-shortener", "--format", "json"])
        #expect(listed.succeededQuietly, "\(listed)")
        let windows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(windows.first?["note"] as? String == "null")   // free text is taken literally
        // A window without a note gives the key with null, as every listing gives a missing value.
        let bare = try run(["maintenance", "add", "url-shortener", "--start", "2023-05-17T01:00:00Z",
                            "--end", "2023-05-17T02:00:00Z"])
        #expect(bare.status == 0, "\(bare.stderr)")
        let both = try run(["maintenance", "list", "--service", "url-shortener", "--since", "2023-05-17", "--format", "json"])
        #expect(both.stdout == """
            [
              {
                "service": "url-shortener",
                "start": "2023-05-17T01:00:00Z",
                "end": "2023-05-17T02:00:00Z",
                "note": null
              }
            ]

            """, "\(both)")

        // The same window with another note: the message names the command that changes it
        // (the import's own says --replace, which `maintenance add` does not have).
        let again = try run(["maintenance", "add", "url-shortener", "--start", "2023-05-16T14:10:00Z",
                             "--end", "2023-05-16T14:20:00Z", "--note", "other"])
        #expect(again.status == 65)
        #expect(again.stderr == """
            error: maintenance of url-shortener 2023-05-16T14:10:00Z to 2023-05-16T14:20:00Z is already recorded with \
            another note; change its note with 'hindsight maintenance change url-shortener --start 2023-05-16T14:10:00Z \
            --end 2023-05-16T14:20:00Z --note TEXT'

            """)

        let moved = try run(["maintenance", "change", "url-shortener", "--start", "2023-05-16T14:10:00Z", "--end", "2023-05-16T14:20:00Z",
                             "--new-end", "2023-05-16T14:15:00Z"])
        #expect(moved.status == 0, "\(moved.stderr)")
        window = try yearWindow("url-shortener", "2023")
        #expect(window["downtime_seconds"] as? Double == 1_080)   // 1380 − 300
        #expect(try run(["maintenance", "remove", "url-shortener", "--start", "2023-05-16T14:10:00Z",
                         "--end", "2023-05-16T14:15:00Z"]).status == 0)
        #expect(try yearWindow("url-shortener", "2023")["downtime_seconds"] as? Double == 1_380)
    }
}
