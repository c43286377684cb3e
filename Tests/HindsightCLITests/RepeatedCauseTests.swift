import Foundation
import Testing

/// `--cause` given more than once to `incidents`, `search` and `causes` matches any of the paths,
/// as it does for `gaps` and `actions`, on ``CauseHistory`` with the expected figures worked out
/// by hand: i1-keys has a latent factor at cache/key and a trigger at deploy (api down 1 h); i2-ttl
/// a latent factor at cache/key/ttl (api at 50 % for 30 min); i3-flags, a near miss, a factor at
/// configuration/flags in the default role, contributing.
struct RepeatedCauseTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try CauseHistory.sandbox()
    }

    func json(_ command: String, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try Hindsight.run([command, "--db", db, "--format", "json"] + arguments, home: sandbox.path)
        #expect(result.succeededQuietly, "\(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    func incidents(_ arguments: String...) throws -> [String] {
        try json("incidents", arguments).compactMap { $0["id"] as? String }
    }

    @Test func incidentsListTheUnionOfThePaths() throws {
        #expect(try incidents("--cause", "deploy", "--cause", "configuration") == ["i1-keys", "i3-flags"])
        #expect(try incidents("--cause", "cache/key/ttl", "--cause", "configuration/flags") == ["i2-ttl", "i3-flags"])
        // A path no factor lies under adds nothing; segments still match whole.
        #expect(try incidents("--cause", "deploy", "--cause", "config") == ["i1-keys"])
    }

    @Test func overlappingPathsListEachIncidentOnce() throws {
        #expect(try incidents("--cause", "cache", "--cause", "cache/key") == ["i1-keys", "i2-ttl"])
        #expect(try incidents("--cause", "cache/key", "--cause", "cache/key", "--cause", "deploy") == ["i1-keys", "i2-ttl"])
    }

    @Test func withRolesOneFactorMustHaveARoleAndLieUnderAPath() throws {
        // i1 has a latent factor (cache/key) and a factor under deploy, but they are two factors.
        #expect(try incidents("--cause", "deploy", "--cause", "configuration", "--role", "latent") == [])
        #expect(try incidents("--cause", "deploy", "--cause", "configuration", "--role", "trigger") == ["i1-keys"])
        // i1's latent factor is at cache/key, above the ttl path; its deploy factor is a trigger.
        #expect(try incidents("--cause", "cache/key/ttl", "--cause", "deploy", "--role", "latent") == ["i2-ttl"])
        #expect(try incidents("--cause", "cache/key/ttl", "--cause", "deploy", "--role", "latent", "--role", "trigger")
                == ["i1-keys", "i2-ttl"])
    }

    @Test func searchKeepsTheHitsOfIncidentsUnderAnyPath() throws {
        // "keys", stemmed to "key", is in the titles of i1 and its factor key, and of i2 and its
        // factor ttl ("Every key had the same TTL"); in nothing of i3.
        func hits(_ arguments: String...) throws -> Set<String> {
            Set(try json("search", ["keys"] + arguments).map { "\($0["incident"] as? String ?? "?") \($0["field"] as? String ?? "?")" })
        }
        let all: Set = ["i1-keys incident.title", "i1-keys factor.title", "i2-ttl incident.title", "i2-ttl factor.title"]
        #expect(try hits() == all)
        #expect(try hits("--cause", "deploy", "--cause", "cache/key/ttl") == all)
        #expect(try hits("--cause", "configuration", "--cause", "cache/key/ttl") == ["i2-ttl incident.title", "i2-ttl factor.title"])
        #expect(try hits("--cause", "cache", "--cause", "cache/key") == ["i1-keys incident.title", "i1-keys factor.title",
                                                                    "i2-ttl incident.title", "i2-ttl factor.title"])
        let many = try json("search", ["keys", "--cause", "cache", "--cause", "cache/key", "--cause", "deploy"])
        #expect(many.count == 4, "each hit once, however many of the paths its incident lies under")
    }

    @Test func causesShowEachSubtreeInTheTreesOrder() throws {
        // Given deploy first, shown as in the whole tree: cache/key (2700 s) before deploy (1800 s).
        // cache/key: i1's half of 3600 s plus i2's 900 s, two incidents; deploy: i1's other half.
        let roots = try json("causes", ["--cause", "deploy", "--cause", "cache/key"])
        #expect(roots.map { $0["cause"] as? String } == ["cache/key", "deploy"])
        #expect(roots.map { $0["incidents"] as? Int } == [2, 1])
        #expect(roots.map { $0["downtime_seconds"] as? Double } == [2700, 1800])
        #expect(CausesCommandTests.children(roots[0]).map { $0["cause"] as? String } == ["cache/key/ttl"])
        #expect(CausesCommandTests.children(roots[0]).map { $0["incidents"] as? Int } == [1])

        let table = try sandbox.run("causes", "--db", db, "--cause", "deploy", "--cause", "cache/key")
        #expect(table.succeededQuietly, "\(table)")
        let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        // The nodes at the top are named by their whole paths, those under them by their segments.
        #expect(Array(lines.dropFirst(2)) == ["cache/key 2 45m", "ttl 1 15m", "deploy 1 30m"], "\(table.stdout)")

        let csv = try sandbox.run("causes", "--db", db, "--format", "csv", "--cause", "deploy", "--cause", "cache/key")
        #expect(csv.succeededQuietly, "\(csv)")
        #expect(csv.stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
                == ["cause,incidents,downtime_seconds", "cache/key,2,2700", "cache/key/ttl,1,900", "deploy,1,1800"],
                "\(csv.stdout)")

        let markdown = try sandbox.run("causes", "--db", db, "--format", "markdown", "--cause", "deploy", "--cause", "cache/key")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("| cache/key") || $0.hasPrefix("| deploy") }.count == 3,
                "\(markdown.stdout)")
    }

    @Test func causesShowANodeUnderAnotherGivenOneOnlyInsideIt() throws {
        // cache/key lies under cache: one tree, cache's two incidents counted once.
        for arguments in [["--cause", "cache/key", "--cause", "cache"], ["--cause", "cache", "--cause", "cache"]] {
            let roots = try json("causes", arguments)
            #expect(roots.map { $0["cause"] as? String } == ["cache"], "\(arguments)")
            #expect(roots.map { $0["incidents"] as? Int } == [2], "\(arguments)")
            #expect(roots.map { $0["downtime_seconds"] as? Double } == [2700], "\(arguments)")
        }
    }

    @Test func causesLeaveOutAPathThatNamesNoNode() throws {
        #expect(try json("causes", ["--cause", "config", "--cause", "configuration"]).map { $0["cause"] as? String }
                == ["configuration"])
        // None found: as for one path, nothing, with the table's note on standard error.
        #expect(try json("causes", ["--cause", "config", "--cause", "cache/key/ttl/x"]).isEmpty)
        let table = try sandbox.run("causes", "--db", db, "--cause", "config", "--cause", "conf")
        #expect(table.status == 0 && table.stdout == "" && table.stderr == "No incidents match.\n", "\(table)")
    }

    @Test func eachPathIsCheckedAsOneIs() throws {
        let result = try sandbox.run("incidents", "--db", db, "--cause", "cache", "--cause", "Cache")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("error: --cause: 'Cache' is not a cause path"), "\(result)")
    }
}
