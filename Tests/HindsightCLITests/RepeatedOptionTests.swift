import Foundation
import Testing

/// An option that takes one value, given twice, is refused (exit 64) rather than the parser's
/// keeping the last value and the command answering a narrower question with exit 0.
struct RepeatedOptionTests {
    @Test(arguments: [
        (["incidents", "--db", "KB", "--since", "2024-01-01", "--since", "2024-02-01"],
         "--since was given 2 times ('2024-01-01', then '2024-02-01')",
         "hindsight incidents <options>"),
        (["search", "--db", "KB", "--limit=1", "--limit", "3", "keys"], "--limit was given 2 times ('1', then '3')",
         "hindsight search [--db <path>] [--format <format>] [--service <id> ...] [--since <date>] [--until <date>] "
            + "[--quarter <YYYYQn>] [--month <YYYY-MM>] [--year <YYYY>] [--cause <path> ...] [--limit <n>] [<query> ...]"),
        (["causes", "--db", "KB", "--format", "json", "--db", "OTHER"], "--db was given 2 times ('KB', then 'OTHER')",
         "hindsight causes [--db <path>] [--format <format>] [--service <id> ...] [--since <date>] [--until <date>] "
            + "[--quarter <YYYYQn>] [--month <YYYY-MM>] [--year <YYYY>] [--cause <path> ...]"),
        (["incident", "--db", "KB", "--format", "json", "--format", "csv", "i1-keys"], "--format was given 2 times ('json', then 'csv')",
         "hindsight incident show [--db <path>] [--format <format>] <id>"),
    ])
    func aSingleValueOptionGivenTwiceIsRefused(_ arguments: [String], _ problem: String, _ usage: String) throws {
        let (sandbox, db) = try CauseHistory.sandbox()
        let before = sandbox.bytes("kb.sqlite")
        let result = try Hindsight.run(arguments.map { $0 == "KB" ? db : $0 == "OTHER" ? sandbox.file("other.sqlite") : $0 },
                                       home: sandbox.path)
        let shown = problem.replacingOccurrences(of: "'KB'", with: "'\(db)'")
            .replacingOccurrences(of: "'OTHER'", with: "'\(sandbox.file("other.sqlite"))'")
        let command = arguments[0] == "incident" ? "incident show" : arguments[0]
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == "error: \(shown), but it takes one value; give it once\nUsage: \(usage)\n"
                    + "  See 'hindsight \(command) --help' for more information.\n", "\(result)")
        #expect(sandbox.bytes("kb.sqlite") == before)
        #expect(sandbox.bytes("other.sqlite") == nil)
    }

    /// A write refused this way writes nothing, and does not create the file.
    @Test func aWriteWithARepeatedOptionCreatesNothing() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("sla", "add", "--db", sandbox.file("new.sqlite"), "api", "--objective", "99.9",
                                     "--tz", "UTC", "--tz", "Europe/Paris")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("error: --tz was given 2 times ('UTC', then 'Europe/Paris'), but it takes one value; "
                                        + "give it once\n"), "\(result)")
        #expect(sandbox.bytes("new.sqlite") == nil)
    }

    /// Options that take several values still do, each one widening the match: in the history,
    /// i1-keys was caught by monitoring and i2-ttl reported by a customer.
    @Test func optionsThatTakeSeveralValuesStillDo() throws {
        let (sandbox, db) = try CauseHistory.sandbox()
        let result = try sandbox.run("incidents", "--db", db, "--detection", "monitoring", "--detection", "customer",
                                     "--format", "csv")
        #expect(result.succeededQuietly, "\(result)")
        #expect(result.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) } == ["i1-keys", "i2-ttl"])
        // A word after `--` is the query, not an option, however it looks: searched for, not refused.
        let afterSeparator = try sandbox.run("search", "--db", db, "--limit", "5", "--", "--limit")
        #expect(afterSeparator.status == 0 && afterSeparator.stdout.isEmpty && afterSeparator.stderr == "No records match.\n",
                "\(afterSeparator)")
    }
}
