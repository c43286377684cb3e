import Foundation
import Testing

/// `--quarter`, `--month` and `--year` on the commands that otherwise take `--since` and
/// `--until`: a named period is its UTC days, nothing more, and it is refused beside the days
/// or another name.
struct NamedPeriodTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try Sandbox.withDemo()
    }

    private func run(_ arguments: [String]) throws -> BinaryResult {
        try Hindsight.run(Array(arguments.prefix(1)) + ["--db", db] + arguments.dropFirst(), home: sandbox.path)
    }

    /// The same command with the period named and with its first and last day written out gives
    /// the same bytes, in the formats that carry every figure.
    @Test(arguments: [
        (["incidents", "--format", "json"], ["--quarter", "2019Q4"], "2019-10-01", "2019-12-31"),
        (["incidents", "--format", "json"], ["--year", "2021"], "2021-01-01", "2021-12-31"),
        (["causes", "--format", "json"], ["--quarter", "2019q4"], "2019-10-01", "2019-12-31"),
        (["causes", "--format", "json"], ["--month", "2023-05"], "2023-05-01", "2023-05-31"),
        (["search", "cache", "--format", "json"], ["--year", "2019"], "2019-01-01", "2019-12-31"),
        (["followup", "--format", "json"], ["--quarter", "2019Q4"], "2019-10-01", "2019-12-31"),
        (["followup", "--format", "csv", "--by", "owner"], ["--month", "2024-02"], "2024-02-01", "2024-02-29"),
    ])
    func aNamedPeriodIsItsDays(command: [String], named: [String], since: String, until: String) throws {
        let byName = try run(command + named)
        let byDays = try run(command + ["--since", since, "--until", until])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byDays.status == 0, "\(byDays.stderr)")
        #expect(byName.stdout == byDays.stdout, "\(command + named)")
    }

    /// The seed postmortems each started in a different year, so a year keeps exactly its own.
    @Test func aYearKeepsTheIncidentsThatStartedInIt() throws {
        for (year, expected) in [("2016", ["2016-10-12-falcon-logging-near-miss"]),
                                 ("2019", ["2019-10-30-catalogue-elasticsearch-overload"]),
                                 ("2023", ["2023-05-16-url-shortener-json-load"]), ("2020", [])] {
            let result = try run(["incidents", "--format", "json", "--year", year])
            #expect(result.status == 0, "\(result.stderr)")
            let records = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                                       "\(year)")
            #expect(records.compactMap { $0["id"] as? String } == expected, "\(year)")
        }
    }

    /// The table says which period it counts and its days; a period not yet over is counted up to
    /// today, as `report` counts one.
    @Test func followupNamesThePeriodAndStopsAtToday() throws {
        let quarter = try run(["followup", "--quarter", "2019Q4"])
        #expect(quarter.status == 0, "\(quarter.stderr)")
        #expect(quarter.stdout.hasPrefix("Follow-through 2019Q4 (2019-10-01 to 2019-12-31)\n"), "\(quarter.stdout)")
        // The 2019 outage's actions (see ActionCommandTests): 11 created, 8 done, 6 open on the
        // quarter's last day, 5 of them overdue.
        #expect(quarter.stdout.contains("all       11     8   73%"), "\(quarter.stdout)")

        let before = Self.utcToday()
        let year = String(before.prefix(4))
        let current = try run(["followup", "--year", year])
        let after = Self.utcToday()
        #expect(current.status == 0, "\(current.stderr)")
        let headings = [before, after].map { "Follow-through \(year) (\(year)-01-01 to \($0))\n" }
        #expect(headings.contains { current.stdout.hasPrefix($0) }, "\(current.stdout)")
    }

    @Test(arguments: [
        (["followup", "--quarter", "2019Q4", "--since", "2019-01-01"],
         "error: --quarter names the period's days; leave out --since and --until, or give them instead of it"),
        (["incidents", "--until", "2019-12-31", "--year", "2019"],
         "error: --year names the period's days; leave out --since and --until, or give them instead of it"),
        (["causes", "--month", "2019-10", "--year", "2019"], "error: give only one of --month, --year: each names a whole period"),
        (["search", "cache", "--quarter", "2019Q5"],
         "error: --quarter: '2019Q5' is not a quarter; expected a year from 0001 to 9999 and Q1 to Q4, such as 2019Q4"),
        (["incidents", "--month", "2019-13"],
         "error: --month: '2019-13' is not a month; expected YYYY-MM with a year from 0001 to 9999 and a month 01 to 12, such as 2019-10"),
        // Four digits, but no year the calendar has: the message gives the years it takes.
        (["causes", "--year", "0000"], "error: --year: '0000' is not a year; expected four digits from 0001 to 9999, such as 2019"),
        (["report", "--quarter", "0000Q1"],
         "error: --quarter: '0000Q1' is not a quarter; expected a year from 0001 to 9999 and Q1 to Q4, such as 2019Q4"),
        (["followup", "--month", "0000-10"],
         "error: --month: '0000-10' is not a month; expected YYYY-MM with a year from 0001 to 9999 and a month 01 to 12, such as 2019-10"),
        (["followup", "--year", "2999"], "error: the period 2999 has not begun yet (its first day is 2999-01-01)"),
        // Its end, the midnight after its last day, has a five-digit year, which RFC 3339 cannot write.
        (["incidents", "--year", "9999"], "error: --year: the period would end in the year 10000, at the midnight after its "
            + "last day 9999-12-31; expected a period that ends by 9999-12-30"),
        (["report", "--from", "0001-01-01", "--to", "9999-12-31"], "error: --to: the period would end in the year 10000, at the "
            + "midnight after its last day 9999-12-31; expected a period that ends by 9999-12-30"),
    ])
    func conflictingOrMalformedPeriodsAreRefused(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.components(separatedBy: "\n").first == message, "\(result.stderr)")
    }

    /// Today's date in UTC, as `YYYY-MM-DD`.
    private static func utcToday() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
