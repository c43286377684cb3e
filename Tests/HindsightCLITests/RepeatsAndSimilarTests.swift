import Foundation
import Testing

/// Repeats in `incident show` and `incidents --repeat`, the new listing filters, and `similar`,
/// end to end on ``CauseHistory``.
struct RepeatsAndSimilarTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try CauseHistory.sandbox()
    }

    func ids(_ arguments: String...) throws -> [String] {
        let result = try Hindsight.run(["incidents", "--db", db, "--format", "json"] + arguments, home: sandbox.path)
        #expect(result.status == 0, "\(result.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func incidentShowNamesBothSidesOfARepeat() throws {
        // i2's ttl (api, cache/key/ttl) lies below i1's key (api, cache/key), and i2 started later.
        let later = try sandbox.run("incident", "show", "--db", db, "i2-ttl")
        #expect(later.succeededQuietly, "\(later)")
        #expect(later.stdout.contains("\nRepeats\n  ttl repeats i1-keys/key (cache/key, api)\n"))
        let earlier = try sandbox.run("incident", "show", "--db", db, "i1-keys")
        #expect(earlier.succeededQuietly, "\(earlier)")
        #expect(earlier.stdout.contains("\nRepeats\n  key repeated by i2-ttl/ttl (cache/key/ttl, api)\n"))
        let json = try sandbox.run("incident", "show", "--db", db, "--format", "json", "i2-ttl")
        #expect(json.succeededQuietly, "\(json)")
        let derived = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["derived"] as? [String: Any]
        let repeats = derived?["repeats"] as? [[String: Any]] ?? []
        #expect(repeats.count == 1)
        #expect(repeats.first?["factor"] as? String == "ttl")
        #expect(repeats.first?["incident"] as? String == "i1-keys")
        #expect(repeats.first?["incident_factor"] as? String == "key")
        #expect(repeats.first?["services"] as? [String] == ["api"])
        #expect((derived?["repeated_by"] as? [Any])?.isEmpty == true)
        let markdown = try sandbox.run("incident", "show", "--db", db, "--format", "markdown", "i1-keys")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("| key | repeated by | i2-ttl | ttl | cache/key/ttl | api |"))
        let plain = try sandbox.run("incident", "show", "--db", db, "i3-flags")
        #expect(plain.succeededQuietly, "\(plain)")
        #expect(!plain.stdout.contains("Repeats"))
    }

    @Test func listingFilters() throws {
        #expect(try ids("--repeat") == ["i2-ttl"])
        #expect(try ids("--role", "latent") == ["i1-keys", "i2-ttl"])
        #expect(try ids("--role", "trigger", "--cause", "cache") == [])
        #expect(try ids("--role", "trigger", "--cause", "deploy") == ["i1-keys"])
        #expect(try ids("--near-miss") == ["i3-flags"])
        #expect(try ids("--no-near-miss") == ["i1-keys", "i2-ttl"])
        #expect(try ids("--detection", "customer", "--detection", "staff") == ["i2-ttl", "i3-flags"])
        let role = try sandbox.run("incidents", "--db", db, "--role", "root-cause")
        #expect(role.status == 64)
        #expect(role.stderr.contains("--role 'root-cause' is not one of trigger | latent | amplifier | detection-gap | recovery-impediment | contributing"))
        let detection = try sandbox.run("incidents", "--db", db, "--detection", "pager")
        #expect(detection.status == 64)
        #expect(detection.stderr.contains("--detection 'pager' is not one of monitoring | customer | staff | third-party | unknown"))
    }

    @Test func similarRanksEarlierIncidentsWithReasons() throws {
        let result = try sandbox.run("similar", "--db", db, "--format", "json", "i2-ttl")
        #expect(result.status == 0, "\(result.stderr)")
        let similar = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        // Only i1 is earlier and shares anything: cache/key/ttl ~ cache/key share two segments (2),
        // both hit api (2), and the titles share "cache" and "keys" (2 × 0.5 = 1): 5 points.
        #expect(similar.map { $0["incident"] as? String } == ["i1-keys"])
        #expect(similar.first?["score"] as? Double == 5)
        let reasons = similar.first?["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.map { $0["kind"] as? String } == ["related-cause", "service", "words"])
        #expect(reasons.map { $0["points"] as? Double } == [2, 2, 1])
        #expect(reasons.first?["reason"] as? String == "related cause under cache/key (cache/key/ttl ~ cache/key)")
        let table = try sandbox.run("similar", "--db", db, "i2-ttl")
        #expect(table.succeededQuietly, "\(table)")
        #expect(table.stdout.contains("5.0  2024-01-10  i1-keys"))
        let first = try sandbox.run("similar", "--db", db, "i1-keys")
        #expect(first.status == 0 && first.stdout.isEmpty && first.stderr.contains("No earlier incident"))
        let missing = try sandbox.run("similar", "--db", db, "i9")
        #expect(missing.status == 65)
        #expect(missing.stderr == "error: no incident with id 'i9'; 'hindsight incidents' lists them\n")
    }

    /// An earlier incident that shares only words of the titles is found however many other
    /// records, later incidents' among them, hold those words too.
    @Test func anEarlierIncidentSharingOnlyTitleWordsIsFoundAmongManyMatches() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("words.sqlite")
        var document = """
            version: 1
            services:
              - {id: a, name: A}
              - {id: b, name: B}
            incidents:
              - id: early
                title: Zebra crossing signals misprinted in the depot
                started_at: 2024-01-01T10:00:00Z
                impacts: [{service: a}]
              - id: target
                title: Zebra crossing lights failed
                started_at: 2024-06-01T10:00:00Z
                impacts: [{service: b}]

            """
        // 120 shorter titles with the same two words, all after the target, one second apart.
        for index in 0..<120 {
            document += "  - {id: later-\(index), title: Zebra crossing, started_at: '2024-07-01T10:0\(index / 60):\(index % 60 < 10 ? "0" : "")\(index % 60)Z'}\n"
        }
        let file = try sandbox.write("words.yaml", document)
        let imported = try sandbox.run("import", "--db", db, file)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The target shares "zebra" and "crossing" with the early incident (2 × 0.5) and nothing
        // else with any earlier one.
        let target = try sandbox.run("similar", "--db", db, "--format", "json", "target")
        #expect(target.status == 0, "\(target.stderr)")
        let similar = try JSONSerialization.jsonObject(with: Data(target.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(similar.map { $0["incident"] as? String } == ["early"])
        #expect(similar.first?["score"] as? Double == 1)
        // The last one started after the other 119 later ones, the target and the early one, and
        // shares the two words with each: 121 matches of 1 point, the most recent first.
        let last = try sandbox.run("similar", "--db", db, "--format", "json", "--limit", "1000", "later-119")
        #expect(last.succeededQuietly, "\(last)")
        let all = try JSONSerialization.jsonObject(with: Data(last.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(all.count == 121)
        #expect(all.suffix(2).map { $0["incident"] as? String } == ["target", "early"])
        #expect(all.allSatisfy { $0["score"] as? Double == 1 })
    }

    /// The URL shortener's closest match shares causes, words and a tag: more reasons than a
    /// terminal line holds. The table cuts them at 70 characters; Markdown keeps them whole.
    @Test func theTableShortensLongReasonsAndMarkdownKeepsThem() throws {
        let (demo, demoDB) = try Sandbox.withDemo()
        let table = try demo.run("similar", "--db", demoDB, "2023-05-16-url-shortener-json-load")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 135 }, "\(table.stdout)")
        #expect(lines.dropFirst(2).first?.hasSuffix("…") == true, "\(table.stdout)")
        let markdown = try demo.run("similar", "--db", demoDB, "2023-05-16-url-shortener-json-load", "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        #expect(markdown.stdout.contains("same cause deploy/all-at-once; words in common: changes, file, release, went, without;"))
    }
}
