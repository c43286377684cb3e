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
