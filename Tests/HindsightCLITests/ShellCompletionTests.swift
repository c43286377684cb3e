import Foundation
import Testing

/// Completion of values from the knowledge base, run as the generated scripts run it: the shell
/// calls `hindsight ---completion SUBCOMMANDS -- ARGUMENT WORD-INDEX CURSOR WORDS…` and offers each
/// line of standard output. Reading for it must leave the file and its folder exactly as they were.
struct ShellCompletionTests {
    /// Four services (two teams, one service without), three incidents, three actions, and causes
    /// whose paths above them (`deploy`, `deploy/canary`, `capacity`) are no factor's own. Tags,
    /// owners and factor ids repeat across incidents and actions (`deploy`, `Payments`, `cold`),
    /// and are written out of order, so that their lists show being sorted and without repeats.
    static let history = """
        version: 1
        services:
          - {id: web, name: Web, team: Storefront}
          - {id: api, name: API, team: Payments}
          - {id: db, name: Database, team: Payments}
          - {id: legacy, name: Legacy}
        incidents:
          - id: 2024-01-10-api-down
            title: The API fell over
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            impacts: [{service: api}]
            tags: [payments, deploy]
            factors:
              - {id: canary, title: The canary was skipped, cause: deploy/canary/skipped}
              - {id: cold, title: A cold cache, cause: cache}
            actions:
              - {id: add-canary, title: Make the canary step required, kind: prevent, owner: Payments, addresses: [canary]}
          - id: 2024-02-01-web-slow
            title: Pages were slow
            started_at: 2024-02-01T09:00:00Z
            resolved_at: 2024-02-01T09:30:00Z
            impacts: [{service: web}]
            tags: [deploy, cache]
            factors: [{id: keys, title: Keys collided, cause: cache/key}]
            actions:
              - {id: fix-keys, title: Key by tenant too, kind: prevent, owner: Ana Lima, addresses: [keys]}
          - id: 2024-03-05-db-full
            title: The database disk filled up
            started_at: 2024-03-05T07:00:00Z
            resolved_at: 2024-03-05T08:00:00Z
            impacts: [{service: db}]
            factors:
              - {id: disk, title: No disk alert, cause: capacity/disk}
              - {id: cold, title: The restarted database had a cold cache, cause: cache}
            actions:
              - {id: disk-alert, title: Alert on disk use, kind: detect, owner: Payments, addresses: [disk]}
        """

    let sandbox: Sandbox
    let db: String

    init() throws {
        sandbox = try Sandbox()
        db = sandbox.file("kb.sqlite")
        let imported = try sandbox.run("import", "--db", db, try sandbox.write("history.yaml", Self.history))
        try #require(imported.status == 0, "\(imported)")
    }

    /// Asks for the completions of `argument` of `command` with `words` typed, the last being the
    /// one completed (cursor at its end), as the bash script asks.
    private func complete(_ command: [String], _ argument: String, _ words: [String],
                          environment: [String: String] = [:], directory: String? = nil) throws -> BinaryResult {
        let line = ["hindsight"] + command + words
        let arguments = ["---completion"] + command + ["--", argument, String(line.count - 1), String(words.last?.count ?? 0)] + line
        return try Hindsight.run(arguments, home: sandbox.path, directory: directory,
                                 environment: ["SAP_SHELL": "bash"].merging(environment) { $1 })
    }

    /// The lines the run printed, having checked that it worked quietly.
    private func candidates(_ result: BinaryResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try result.quietOutput(sourceLocation: sourceLocation).split(separator: "\n").map(String.init)
    }

    @Test func serviceOptionsAndArgumentsCompleteToTheServiceIds() throws {
        let services = ["api", "db", "legacy", "web"]
        #expect(try candidates(complete(["incidents"], "--service", ["--db", db, "--service", ""])) == services)
        #expect(try candidates(complete(["report"], "--service", ["--db", db, "--service", ""])) == services)
        #expect(try candidates(complete(["gaps"], "--service", ["--db", db, "--service", ""])) == services)
        #expect(try candidates(complete(["sla", "add"], "positional@0", ["--db", db, ""])) == services)
        #expect(try candidates(complete(["sla", "remove"], "positional@0", ["--db", db, "a"])) == ["api"])
        #expect(try candidates(complete(["maintenance", "add"], "positional@0", ["--db", db, "l"])) == ["legacy"])
    }

    @Test func incidentAndActionIdsComplete() throws {
        let incidents = ["2024-01-10-api-down", "2024-02-01-web-slow", "2024-03-05-db-full"]
        #expect(try candidates(complete(["incident", "show"], "positional@0", ["--db", db, ""])) == incidents)
        #expect(try candidates(complete(["incident", "remove"], "positional@0", ["--db", db, "2024-03"])) == [incidents[2]])
        #expect(try candidates(complete(["similar"], "positional@0", ["--db", db, "2024-0"])) == incidents)
        #expect(try candidates(complete(["actions"], "--incident", ["--db", db, "--incident", "2024-02"])) == ["2024-02-01-web-slow"])
        let actions = ["2024-01-10-api-down/add-canary", "2024-02-01-web-slow/fix-keys", "2024-03-05-db-full/disk-alert"]
        #expect(try candidates(complete(["action", "show"], "positional@0", ["--db", db, ""])) == actions)
        #expect(try candidates(complete(["action", "done"], "positional@0", ["--db", db, "2024-01"])) == [actions[0]])
    }

    @Test func teamsAndCausePathsComplete() throws {
        #expect(try candidates(complete(["actions"], "--team", ["--db", db, "--team", ""])) == ["Payments", "Storefront"])
        let causes = ["cache", "cache/key", "capacity", "capacity/disk", "deploy", "deploy/canary", "deploy/canary/skipped"]
        #expect(try candidates(complete(["causes"], "--cause", ["--db", db, "--cause", ""])) == causes)
        #expect(try candidates(complete(["gaps"], "--cause", ["--db", db, "--cause", "cap"])) == ["capacity", "capacity/disk"])
    }

    @Test func tagsAndOwnersComplete() throws {
        #expect(try candidates(complete(["incidents"], "--tag", ["--db", db, "--tag", ""])) == ["cache", "deploy", "payments"])
        #expect(try candidates(complete(["incidents"], "--tag", ["--db", db, "--tag", "pa"])) == ["payments"])
        let owners = ["Ana Lima", "Payments"]
        #expect(try candidates(complete(["actions"], "--owner", ["--db", db, "--owner", ""])) == owners)
        #expect(try candidates(complete(["action", "add"], "--owner", ["--db", db, "2024-03-05-db-full", "--owner", ""])) == owners)
        #expect(try candidates(complete(["action", "update"], "--owner", ["--db", db, "--owner", "A"])) == ["Ana Lima"])
    }

    /// An owner an older version stored as empty text is none, as everywhere else, so not offered.
    @Test func anOwnerStoredAsEmptyTextIsNotOffered() throws {
        let older = sandbox.file("older.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: older)
        _ = try SQLiteShell.query(older, "UPDATE action SET owner = '' WHERE id = 'fix-keys'")
        // The output as a whole, since an empty candidate would be an empty line that a split drops.
        #expect(try complete(["actions"], "--owner", ["--db", older, "--owner", ""]).quietOutput() == "Payments\n")
    }

    /// `action add --addresses` offers the factors of the incident typed, wherever on the line it is,
    /// and every factor id when none (or none the knowledge base holds) is typed.
    @Test func theFactorsOfTheTypedIncidentComplete() throws {
        #expect(try candidates(complete(["action", "add"], "--addresses",
                                        ["--db", db, "2024-01-10-api-down", "--addresses", ""])) == ["canary", "cold"])
        #expect(try candidates(complete(["action", "add"], "--addresses",
                                        ["2024-03-05-db-full", "--title", "x", "--db", db, "--addresses", ""])) == ["cold", "disk"])
        #expect(try candidates(complete(["action", "add"], "--addresses",
                                        ["--db", db, "2024-03-05-db-full", "--addresses", "d"])) == ["disk"])
        let every = ["canary", "cold", "disk", "keys"]
        #expect(try candidates(complete(["action", "add"], "--addresses", ["--db", db, "--addresses", ""])) == every)
        #expect(try candidates(complete(["action", "add"], "--addresses", ["--db", db, "2099-01-01-nothing", "--addresses", ""])) == every)
    }

    /// `--db` is read as the shell would pass it once the line ran: a leading `~` is the home
    /// folder (the sandbox here) and quotes and backslash escapes are taken away.
    @Test func aDatabaseWrittenWithATildeOrQuotesIsFound() throws {
        try FileManager.default.copyItem(atPath: db, toPath: sandbox.file("my kb.sqlite"))
        let spaced = sandbox.path + "/my kb.sqlite"
        let spellings = ["~/kb.sqlite", "'\(spaced)'", "\"\(spaced)\"", sandbox.path + "/my\\ kb.sqlite", "~/'my kb.sqlite'",
                         "~/\"my\"' kb'.sqlite", "\"\(sandbox.path)\"/my\\ kb.sqlite"]
        for spelling in spellings {
            #expect(try candidates(complete(["incidents"], "--service", ["--db", spelling, "--service", "w"])) == ["web"], "\(spelling)")
        }
        #expect(try candidates(complete(["incidents"], "--service", ["--db='\(spaced)'", "--service", "w"])) == ["web"])
    }

    /// What the shell would not expand is looked for as written: here a folder named `~` (and
    /// one named `~nobody`) in the working folder holds a knowledge base whose one service is
    /// `widgets`, and the home folder's holds `web`.
    @Test func aDatabaseTheShellWouldNotExpandIsTakenAsWritten() throws {
        let work = sandbox.path + "/work"
        let literal = try sandbox.write("literal.yaml", "version: 1\nservices:\n  - {id: widgets, name: Widgets}\n")
        for folder in ["~", "~nobody"] {
            try FileManager.default.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: true)
            let imported = try sandbox.run("import", "--db", work + "/" + folder + "/kb.sqlite", literal)
            try #require(imported.status == 0, "\(imported)")
        }
        for words in [["--db", "'~/kb.sqlite'"], ["--db", "\"~/kb.sqlite\""], ["--db", "\\~/kb.sqlite"], ["--db=~/kb.sqlite"],
                      ["--db", "~nobody/kb.sqlite"]] {
            #expect(try candidates(complete(["incidents"], "--service", words + ["--service", "w"], directory: work)) == ["widgets"],
                    "\(words)")
        }
        #expect(try candidates(complete(["incidents"], "--service", ["--db", "~/kb.sqlite", "--service", "w"], directory: work)) == ["web"])
    }

    /// The file is found as every command finds it: `--db` (either spelling) among the words, else
    /// HINDSIGHT_DB, else the default, which here holds nothing.
    @Test func theKnowledgeBaseIsTheOneTheCommandWouldUse() throws {
        #expect(try candidates(complete(["budget"], "--service", ["--db=\(db)", "--service", "w"])) == ["web"])
        #expect(try candidates(complete(["budget"], "--service", ["--service", "w"], environment: ["HINDSIGHT_DB": db])) == ["web"])
        let elsewhere = sandbox.file("other.sqlite")
        #expect(try candidates(complete(["budget"], "--service", ["--db", elsewhere, "--service", "w"],
                                        environment: ["HINDSIGHT_DB": db])).isEmpty)
        #expect(try candidates(complete(["budget"], "--service", ["--service", "w"])).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/data"))
    }

    /// The words are an unfinished command line: a word the command line would refuse does not
    /// stop the suggestions.
    @Test func wordsACommandWouldRefuseStillComplete() throws {
        #expect(try candidates(complete(["incidents"], "--service", ["-x", "--db", db, "--service", "a"])) == ["api"])
    }

    @Test func aMissingFileGivesNothingAndIsNotCreated() throws {
        let missing = sandbox.file("missing.sqlite")
        let before = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted()
        let result = try complete(["incidents"], "--service", ["--db", missing, "--service", ""])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == before)
    }

    @Test func readingLeavesTheFileAndItsFolderAsTheyWere() throws {
        let listing = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted()
        #expect(listing == ["history.yaml", "kb.sqlite", "kb.sqlite.lock"])
        let bytes = try #require(sandbox.bytes("kb.sqlite"))
        let modified = try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date
        for (command, argument) in [(["incidents"], "--service"), (["causes"], "--cause"), (["action", "show"], "positional@0")] {
            let words = argument.hasPrefix("--") ? ["--db", db, argument, ""] : ["--db", db, ""]
            #expect(try !candidates(complete(command, argument, words)).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == listing)
        }
        #expect(sandbox.bytes("kb.sqlite") == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date == modified)
    }

    @Test func aDamagedOrNewerFileGivesNothingQuietly() throws {
        let damaged = try sandbox.write("damaged.sqlite", "not a database, though named like one\n")
        let newer = sandbox.file("newer.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: newer)
        _ = try SQLiteShell.query(newer, "INSERT INTO grdb_migrations VALUES ('9999_from_the_future')")
        let listing = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted()
        let bytes = [sandbox.bytes("damaged.sqlite"), sandbox.bytes("newer.sqlite")]
        for file in [damaged, newer] {
            let result = try complete(["incidents"], "--service", ["--db", file, "--service", ""])
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(file): \(result)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).sorted() == listing)
        #expect([sandbox.bytes("damaged.sqlite"), sandbox.bytes("newer.sqlite")] == bytes)
    }

    /// Options whose values are a fixed set of keywords complete to them, written into the script
    /// (the shell needs no call back): each list here is copied from the interchange format's and
    /// the README's, not from the program.
    @Test func keywordOptionsCompleteToTheirSpellings() throws {
        let script = try sandbox.run("--generate-completion-script", "bash").quietOutput()
        func offered(_ command: String, _ option: String) -> String? {
            guard let body = script.range(of: "\n_hindsight_\(command)() {\n"),
                  let end = script.range(of: "\n}\n", range: body.upperBound..<script.endIndex),
                  let start = script.range(of: "'\(option)')\n", range: body.upperBound..<end.lowerBound) else { return nil }
            let line = script[start.upperBound...].prefix { $0 != "\n" }
            guard let words = line.range(of: "__hindsight_add_completions -W ") else { return nil }
            return line[words.upperBound...].replacingOccurrences(of: "'$'\\n''", with: " ").replacingOccurrences(of: "'", with: "")
        }
        #expect(offered("incidents", "--severity") == "SEV1 SEV2 SEV3 SEV4 SEV5")
        #expect(offered("incidents", "--role") == "trigger latent amplifier detection-gap recovery-impediment contributing")
        #expect(offered("incidents", "--detection") == "monitoring customer staff third-party unknown")
        #expect(offered("actions", "--status") == "open in-progress done wont-do")
        #expect(offered("actions", "--kind") == "prevent mitigate detect process investigate")
        #expect(offered("actions", "--priority") == "high medium low")
        #expect(offered("action_update", "--clear") == "owner due ticket")
        #expect(offered("followup", "--by") == "owner team kind priority")
        #expect(offered("sla_add", "--window") == "year quarter month week")
        #expect(offered("sla_change", "--partial") == "weighted full")
    }

    /// A shell no script can be made for is refused with the parser's list of those that can, its
    /// line breaks kept: escaped as a value's would be, the message read as one line of `\u{a}`s.
    /// A shell name that itself holds a line break still cannot start a line of its own.
    @Test func anUnknownShellIsRefusedWithTheShellsOnLinesOfTheirOwn() throws {
        let refused = try sandbox.run("--generate-completion-script", "tcsh")
        #expect(refused.status == 64 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("error: Can't generate completion scripts for 'tcsh'.\n"
                                         + "Please use --generate-completion-script=<shell> with one of:\n    zsh bash fish\n"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("\\u{a}"))

        let broken = try sandbox.run("--generate-completion-script", "tc\nsh")
        #expect(broken.status == 64)
        #expect(broken.stderr.hasPrefix("error: Can't generate completion scripts for 'tc\\u{a}sh'.\\u{a}Please use"),
                "\(broken.stderr)")
    }

    /// The script calls back with the words these tests use; `--db` completes as a file.
    @Test func theGeneratedBashScriptCallsBackForTheseValues() throws {
        let script = try sandbox.run("--generate-completion-script", "bash").quietOutput()
        #expect(script.contains("---completion incidents -- --service \"${COMP_CWORD}\""))
        #expect(script.contains("---completion action show -- positional@0 \"${COMP_CWORD}\""))
        #expect(script.contains("---completion gaps -- --team \"${COMP_CWORD}\""))
        #expect(script.contains("---completion incidents -- --tag \"${COMP_CWORD}\""))
        #expect(script.contains("---completion action update -- --owner \"${COMP_CWORD}\""))
        #expect(script.contains("---completion action add -- --addresses \"${COMP_CWORD}\""))
        #expect(script.contains("'--db')\n        __hindsight_add_completions -f\n"))
    }
}
