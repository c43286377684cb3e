import Foundation
import Testing

/// Option and argument values that cannot name anything are refused as the command line's fault
/// (exit 64) with a message that names the option, the same way in every command that takes them,
/// rather than matching nothing with exit 0 or reported as a record that does not exist.
struct OptionValueEdgeTests {
    /// An empty tag cannot be recorded (an import refuses it), so `--tag ""` (an unset variable)
    /// could only match nothing; it is refused as `actions --owner ""` is.
    @Test func anEmptyTagIsRefused() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let result = try sandbox.run("incidents", "--db", db, "--tag", "")
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("error: --tag needs a value; it may not be empty\n"), "\(result)")
        // A tag that is recorded still matches.
        let cache = try sandbox.run("incidents", "--db", db, "--tag", "cache", "--format", "csv")
        #expect(cache.status == 0, "\(cache)")
        #expect(cache.stdout.contains("\n2019-10-30-catalogue-elasticsearch-overload,"))
    }

    /// An incident id no incident can have (capitals, a slash, empty) is a malformed argument, as
    /// `action add INCIDENT` and `actions --incident` already said; `incident show` and `similar`
    /// called it an id that does not exist (exit 65). A well-formed unknown id stays exit 65.
    @Test(arguments: [
        (["incident", "show"], "ID"), (["similar"], "INCIDENT"),
    ])
    func aMalformedIncidentIdIsAUsageError(_ command: [String], _ name: String) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        for id in ["", "CATALOGUE-API", "2019-10-30-catalogue-elasticsearch-overload/end-to-end-tests"] {
            let result = try Hindsight.run(command + ["--db", db, id], home: sandbox.path)
            #expect(result.status == 64, "\(command) '\(id)': \(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error: \(name): '\(id)' is not a valid id; expected [a-z0-9][a-z0-9._-]{0,127}"),
                    "\(command) '\(id)': \(result)")
        }
        let unknown = try Hindsight.run(command + ["--db", db, "nosuch"], home: sandbox.path)
        #expect(unknown.status == 65, "\(command): \(unknown)")
        #expect(unknown.stderr == "error: no incident with id 'nosuch'; 'hindsight incidents' lists them\n")
    }

    /// `--near-miss` and `--no-near-miss` together ask for two opposite things; the last one
    /// given won, silently, where two named periods (`--quarter` with `--month`) are refused.
    @Test func nearMissAndNoNearMissTogetherAreRefused() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        for order in [["--near-miss", "--no-near-miss"], ["--no-near-miss", "--near-miss"]] {
            let result = try Hindsight.run(["incidents", "--db", db] + order, home: sandbox.path)
            #expect(result.status == 64, "\(order): \(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error: give --near-miss or --no-near-miss, not both\n"), "\(order): \(result)")
        }
        // Each alone still filters: the demo holds one near miss among its five incidents.
        let nearMisses = try sandbox.run("incidents", "--db", db, "--near-miss", "--format", "json")
        #expect(nearMisses.status == 0, "\(nearMisses)")
        #expect(nearMisses.stdout.contains("2016-10-12-falcon-logging-near-miss"))
        #expect(!nearMisses.stdout.contains("2019-10-30-catalogue-elasticsearch-overload"))
    }

    /// An empty path to import (an unset variable) names no file: refused as `--db ""` and
    /// `backup ""` are, where it was reported as a missing file whose message began ": no such".
    @Test func anEmptyPathToImportIsRefused() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let before = sandbox.bytes("demo.sqlite")
        let result = try sandbox.run("import", "--db", db, "")
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("error: a path to import may not be empty; name a file or a directory, "
                                        + "or - for standard input\n"), "\(result)")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }
}

extension OptionValueEdgeTests {
    /// `budget --as-of` late in 9999 listed windows such as `10000-01` and wrote their ends as
    /// `10000-01-31T23:00:00Z` in JSON, which is not RFC 3339; report did the same for the SLA
    /// windows of a period late in 9999. Both are refused, as a report period that would end in
    /// 10000 already was. In the demo, url-shortener's SLA is yearly in UTC, so its window for any
    /// instant of 9999 ends at 10000-01-01T00:00:00Z; catalogue-api's is monthly in Europe/Prague,
    /// an hour ahead of UTC in winter, so 9999-12-31T23:59:59Z falls in its January 10000.
    @Test func windowsThatEndInTheYear10000AreRefused() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let reason = "which ends in the year 10000, past the four digits RFC 3339 has for a year"
        for (asOf, window) in [("9999-12-31T23:59:59Z", "month window 10000-01 of catalogue-api"),
                               ("9999-06-01T00:00:00Z", "year window 9999 of url-shortener")] {
            let result = try sandbox.run("budget", "--db", db, "--as-of", asOf, "--format", "json")
            #expect(result.status == 64, "\(asOf): \(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error: --as-of \(asOf) lies in the \(window), \(reason); "
                                            + "expected an instant whose windows lie within them\n"), "\(asOf): \(result)")
        }
        let year9998 = try sandbox.run("budget", "--db", db, "--as-of", "9998-06-01T00:00:00Z", "--format", "json")
        #expect(year9998.status == 0, "\(year9998)")
        #expect(year9998.stdout.contains("\"end\": \"9999-01-01T00:00:00Z\""), "\(year9998)")

        let report = try sandbox.run("report", "--db", db, "--month", "9999-06", "--service", "url-shortener",
                                     "--as-of", "9999-06-15T00:00:00Z", "--format", "json")
        #expect(report.status == 64, "\(report)")
        #expect(report.stdout == "")
        #expect(report.stderr.hasPrefix("error: the period 9999-06 meets the year window 9999 of url-shortener, \(reason); "
                                        + "expected a period whose SLA windows lie within them\n"), "\(report)")
        let catalogue = try sandbox.run("report", "--db", db, "--month", "9999-06", "--service", "catalogue-api",
                                        "--as-of", "9999-06-15T00:00:00Z", "--format", "json")
        #expect(catalogue.status == 0, "\(catalogue)")
    }

    /// A file named with a leading dash is refused as a one-dash word, and the message says how to
    /// name it: after `--`, or with its folder. It offered only `--title=-x.json`, and neither
    /// `import` nor `backup` has a `--title`. Both ways it names then work.
    @Test func aFileThatStartsWithADashIsRefusedWithTheWaysToNameIt() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        _ = try sandbox.write("-x.yaml", "version: 1\nservices:\n  - {id: web, name: Web}\n")
        let refused = try Hindsight.run(["import", "--db", db, "-x.yaml"], home: sandbox.path, directory: sandbox.path)
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stdout == "")
        #expect(refused.stderr.hasSuffix("""
            a file whose name starts with - goes after -- or is written with its folder, as in: hindsight import -- -x.yaml, or ./-x.yaml

            """), "\(refused.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == nil)
        for arguments in [["--", "-x.yaml"], ["./-x.yaml"]] {
            let imported = try Hindsight.run(["import", "--db", db] + arguments, home: sandbox.path, directory: sandbox.path)
            #expect(imported.status == 0, "\(arguments): \(imported)")
        }
        let backup = try Hindsight.run(["backup", "--db", db, "-copy.sqlite"], home: sandbox.path, directory: sandbox.path)
        #expect(backup.status == 64, "\(backup)")
        #expect(backup.stderr.contains("as in: hindsight backup -- -copy.sqlite, or ./-copy.sqlite\n"), "\(backup.stderr)")
        let copied = try Hindsight.run(["backup", "--db", db, "--", "-copy.sqlite"], home: sandbox.path, directory: sandbox.path)
        #expect(copied.status == 0, "\(copied)")
        #expect(sandbox.bytes("-copy.sqlite") != nil)
    }
}
