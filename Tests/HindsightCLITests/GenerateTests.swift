import Foundation
import Testing

/// `hindsight generate` end to end: its output imports into a fresh knowledge base, the seed fixes
/// the bytes, and bad arguments are refused with exit 64.
struct GenerateTests {
    @Test func aGeneratedHistoryImportsCleanlyIntoAFreshDatabase() throws {
        let sandbox = try Sandbox()
        let generated = try sandbox.run("generate", "--incidents", "300", "--services", "9", "--years", "2", "--seed", "4")
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stderr == "")
        let file = try sandbox.write("history.json", generated.stdout)
        let db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, file)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("services: 9 added, 0 replaced, 0 unchanged"), "\(imported.stdout)")
        #expect(imported.stdout.contains("incidents: 300 added, 0 replaced, 0 unchanged"), "\(imported.stdout)")

        let listed = try sandbox.run("incidents", "--db", db, "--format", "json")
        #expect(listed.status == 0)
        let incidents = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(incidents.count == 300)
        #expect(incidents.allSatisfy { $0["state"] as? String == "resolved" })
        let services = try JSONSerialization.jsonObject(
            with: Data(try sandbox.run("services", "--db", db, "--format", "json").quietOutput().utf8)) as? [Any] ?? []
        #expect(services.count == 9)

        // Export writes the same records back: nothing was lost or defaulted on the way in.
        let exported = try sandbox.run("export", "--db", db, "--format", "json")
        #expect(exported.succeededQuietly, "\(exported)")
        let again = try sandbox.run("import", "--db", db, "-", stdin: exported.stdout)
        #expect(again.succeededQuietly, "\(again)")
        #expect(again.stdout.hasPrefix("Nothing to change"), "\(again.stdout)")
        let reimported = try sandbox.run("import", "--db", db, file)
        #expect(reimported.succeededQuietly, "\(reimported)")
        #expect(reimported.stdout.hasPrefix("Nothing to change"), "\(reimported.stdout)")
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let sandbox = try Sandbox()
        let first = try sandbox.run("generate", "--incidents", "120", "--seed", "7")
        let second = try sandbox.run("generate", "--incidents", "120", "--seed", "7")
        #expect(second.succeededQuietly, "\(second)")
        let other = try sandbox.run("generate", "--incidents", "120", "--seed", "8")
        let defaulted = try sandbox.run("generate", "--incidents", "120")
        #expect(first.status == 0 && other.status == 0 && defaulted.status == 0)
        #expect(first.stdout.count > 100_000)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout != other.stdout)
        #expect(try defaulted.stdout == sandbox.run("generate", "--incidents", "120", "--seed", "1").quietOutput())
    }

    @Test func zeroIncidentsGivesServicesOnly() throws {
        let sandbox = try Sandbox()
        let generated = try sandbox.run("generate", "--incidents", "0", "--services", "3")
        #expect(generated.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["version"] as? Int == 1)
        #expect((object["services"] as? [Any])?.count == 3)
        #expect(object["incidents"] == nil)
        let file = try sandbox.write("empty.json", generated.stdout)
        let imported = try sandbox.run("import", "--db", sandbox.file("kb.sqlite"), file)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("services: 3 added"))
        #expect(!imported.stdout.contains("incidents:"))
    }

    /// Service i takes the i-th window kind of month, quarter, year and week, the i-th time zone
    /// (UTC, Europe/Prague, America/Los_Angeles, Asia/Tokyo, …), a fixed allowance when i % 3 == 2,
    /// `partial: full` when i % 5 == 1 and credit tiers at least when i is even, as the README says:
    /// four services have every window kind and every kind of terms, three have no weekly SLA.
    @Test(arguments: [("4", ["month", "quarter", "year", "week"]), ("3", ["month", "quarter", "year"])])
    func everyWindowKindTakesFourServices(services: String, windows: [String]) throws {
        let sandbox = try Sandbox()
        let generated = try sandbox.run("generate", "--incidents", "0", "--services", services)
        #expect(generated.status == 0, "\(generated.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any] ?? [:]
        let slas = object["slas"] as? [[String: Any]] ?? []
        #expect(Set(slas.compactMap { $0["window"] as? String }) == Set(windows))
        #expect(Set(slas.compactMap { $0["timezone"] as? String }).count == windows.count)
        #expect(slas.contains { $0["allowed_downtime"] != nil } && slas.contains { $0["objective"] != nil })
        #expect(slas.contains { $0["partial"] as? String == "full" } && slas.contains { $0["partial"] as? String == "weighted" })
        #expect(slas.contains { !(($0["credits"] as? [Any]) ?? []).isEmpty })
    }

    @Test(arguments: [
        (["--incidents", "-1"], "--incidents"),
        (["--incidents", "ten"], "--incidents"),
        (["--incidents", "10", "--services", "0"], "--services"),
        (["--incidents", "10", "--services", "1001"], "--services"),
        (["--incidents", "10", "--years", "0"], "--years"),
        (["--incidents", "10", "--seed", "-3"], "--seed"),
        (["--incidents", "10", "--seed", "x"], "--seed"),
        ([], "--incidents"),
    ])
    func badArgumentsExit64NamingTheOption(arguments: [String], option: String) throws {
        let sandbox = try Sandbox()
        let result = try Hindsight.run(["generate"] + arguments, home: sandbox.path)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(option), "stderr was: \(result.stderr)")
    }

    /// A negative number is read as short options by the parser, which would report the option
    /// as missing its value: it is refused with the way to write it, and so written it meets the
    /// option's own range check.
    @Test func aNegativeNumberIsShownHowToJoinItToItsOption() throws {
        let sandbox = try Sandbox()
        let separate = try sandbox.run("generate", "--incidents", "10", "--seed", "-3")
        #expect(separate.status == 64)
        #expect(separate.stderr.contains("error: '-3' is not an option"), "stderr was: \(separate.stderr)")
        #expect(separate.stderr.contains("if it is the value of --seed, join the two by =: --seed=-3"), "stderr was: \(separate.stderr)")
        // The hint about search queries belongs to search alone.
        #expect(!separate.stderr.contains("search"), "stderr was: \(separate.stderr)")
        let joined = try sandbox.run("generate", "--incidents=-1")
        #expect(joined.status == 64)
        #expect(joined.stderr.contains("--incidents -1 is out of range; expected a whole number from 0 to 10000000"),
                "stderr was: \(joined.stderr)")
    }

    /// Output that can no longer be written (a reader gone after the first bytes, a full disk) ends
    /// generation there: the rest of a ten-million-incident history, minutes of work, is not made
    /// only to be thrown away. A CPU-time limit far below what that work takes (ten seconds; the
    /// whole history takes minutes even in an optimised build) turns making it anyway into the
    /// process being killed rather than exit 1.
    @Test(arguments: [("\"$0\" \"$@\" | head -c 1 > /dev/null; exit ${PIPESTATUS[0]}", ""),
                      ("\"$0\" \"$@\" > /dev/full", "error: could not write to standard output: No space left on device\n")])
    func outputThatCannotBeWrittenStopsTheGeneration(shell: String, message: String) throws {
        if shell.contains("/dev/full"), !FileManager.default.fileExists(atPath: "/dev/full") { return }
        let sandbox = try Sandbox()
        let result = try Hindsight.run(["-c", "ulimit -t 10 && " + shell, Hindsight.binaryPath,
                                        "generate", "--incidents", "10000000"], home: sandbox.path, binary: "/bin/bash")
        #expect(result.status == 1, "\(shell): \(result.stderr)")
        #expect(result.stderr == message, "\(shell)")
    }

    @Test func anOutOfRangeCountSaysWhatWouldBeAccepted() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("generate", "--incidents", "10", "--years", "500")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--years 500 is out of range; expected a whole number from 1 to 100"),
                "stderr was: \(result.stderr)")
    }
}
