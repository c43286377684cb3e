import Foundation
import Testing

/// `hindsight search` end to end: hostile queries, marked snippets, JSON fields, filters.
struct SearchCommandTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        (sandbox, db) = try CauseHistory.sandbox()
    }

    /// Words that would show that SQLite's own message reached the user.
    static let leaks = ["sqlite", "fts5", "syntax error", "malformed", "no such", "unterminated", "unrecognized token"]

    @Test(arguments: [
        ("\"tenant keys", "search: the double quote at character 1 is not closed"),
        ("", "search: the query is empty"),
        ("   ", "search: the query is empty"),
        ("*", "search: '*': '*' must follow a letter or digit"),
        ("ca*che", "search: 'ca*che': '*' may only end a word"),
        ("*x", "search: '*x': '*' may only end a word"),
        ("x**", "search: 'x**': one '*' ends a word, to match the words it begins, e.g. cach*\n"),
        ("keys**", "search: 'keys**': one '*' ends a word"),
        ("**", "search: '**': '*' must follow a letter or digit"),
        ("keys-*", "search: 'keys-*': '*' must follow a letter or digit"),
        ("( ^ ) :", "search: the query has no letter or digit to search for"),
    ])
    func refusedQueriesExit64WithAMessage(query: String, message: String) throws {
        let result = try sandbox.run("search", "--db", db, query)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: " + message), "\(result.stderr)")
        for leak in Self.leaks { #expect(!result.stderr.lowercased().contains(leak.lowercased())) }
    }

    @Test(arguments: ["AND", "OR cache", "NOT", "title:cache", "body:keys", "NEAR(cache keys)", "^cache", "cache)",
                      "{cache}", "'cache'", "cache; DROP TABLE incident; --", "\"\" cache"])
    func operatorLikeTextIsSearchedAsText(query: String) throws {
        let result = try sandbox.run("search", "--db", db, "--format", "json", query)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [Any])
        let check = try sandbox.run("incidents", "--db", db, "--format", "json")
        #expect(check.succeededQuietly, "\(check)")
        #expect(check.stdout.contains("i1-keys"))  // and nothing was dropped
    }

    @Test func severalArgumentsAreOneQueryAndADashNeedsTheSeparator() throws {
        let words = try sandbox.run("search", "--db", db, "--format", "json", "keys", "tenant")
        #expect(words.succeededQuietly, "\(words)")
        #expect(words.stdout.contains("\"Keys ignored the tenant\""))
        let dash = try sandbox.run("search", "--db", db, "--format", "json", "--", "-tenant")
        #expect(dash.status == 0)
        #expect(dash.stdout.contains("ignored the [tenant]"))
    }

    /// A comma after a prefix's `*` is punctuation, which separates words: `tena*,` finds tenant.
    @Test func punctuationAfterAPrefixIsAccepted() throws {
        let result = try sandbox.run("search", "--db", db, "--format", "json", "tena*,")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ignored the [tenant]"))
    }

    @Test func tableMarksTheMatchesAndNamesTheField() throws {
        let result = try sandbox.run("search", "--db", db, "tenant")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("STARTED     INCIDENT") == true)
        #expect(lines.count == 3)
        #expect(lines[2].contains("2024-01-10  i1-keys"))
        #expect(lines[2].contains("factor.title key"))
        #expect(lines[2].hasSuffix("Keys ignored the [tenant]"))
    }

    @Test func jsonCarriesTheContractedFieldsBestFirst() throws {
        let result = try sandbox.run("search", "--db", db, "--format", "json", "keys")
        #expect(result.succeededQuietly, "\(result)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        // "keys", stemmed "kei" as "key" is, is in four titles and no body text: the factor "Keys
        // ignored the tenant" (4 words), i2's "Cache TTL keys expired together" (5), i1's "Cache
        // keys collided after a deploy" (6) and i2's factor "Every key had the same TTL" (6). Same
        // term frequency and document frequency, so bm25 ranks the shorter first, and of the two
        // of 6 words the one stored first (i1's incident, rowid 1·4, before factor 3, rowid 3·4+1).
        #expect(hits.map { $0["incident"] as? String } == ["i1-keys", "i2-ttl", "i1-keys", "i2-ttl"])
        #expect(hits.map { $0["field"] as? String } == ["factor.title", "incident.title", "incident.title", "factor.title"])
        #expect(hits.last?["snippet"] as? String == "Every [key] had the same TTL")
        let first = try #require(hits.first)
        #expect(first["rank"] as? Int == 1)
        #expect(first["record"] as? String == "key")
        #expect(first["snippet"] as? String == "[Keys] ignored the tenant")
        #expect(first["snippet_text"] as? String == "Keys ignored the tenant")
        #expect(first["matches"] as? [String] == ["Keys"])
        #expect(first["incident_title"] as? String == "Cache keys collided after a deploy")
        #expect(first["started_at"] as? String == "2024-01-10T10:00:00Z")
        #expect(hits[1]["record"] is NSNull)
    }

    /// English word forms find each other, and the marks and `matches` hold the stored word.
    @Test func wordFormsFindEachOtherWithTheStoredWordMarked() throws {
        // "deploy", "deployed", "deploys" and "deploying" are all "deploi": i1's title ends in
        // "a deploy" (6 words) and its factor is "Deployed to every host at once" (6 words), so
        // the tie goes to the incident, stored first.
        for query in ["deploy", "deployed", "deploys", "deploying"] {
            let result = try sandbox.run("search", "--db", db, "--format", "json", query)
            #expect(result.status == 0, "\(result.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(hits.map { $0["snippet"] as? String } == ["Cache keys collided after a [deploy]", "[Deployed] to every host at once"],
                    "\(query)")
            #expect(hits.map { $0["matches"] as? [String] } == [["deploy"], ["Deployed"]], "\(query)")
        }
        // "expire" and "expiring" find "expired"; the table marks the whole stored word.
        for query in ["expire", "expiring"] {
            let table = try sandbox.run("search", "--db", db, query)
            #expect(table.status == 0)
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.count == 3, "\(query)")
            #expect(lines.last?.hasSuffix("Cache TTL keys [expired] together") == true, "\(query)")
        }
        // A phrase matches its words' forms in order, marked as one run: "cache key" is i1's "Cache keys", not i2's
        // "Cache TTL keys" (a word between) nor "keys cache" reversed.
        let phrase = try sandbox.run("search", "--db", db, "--format", "json", "\"cache key\"")
        #expect(phrase.succeededQuietly, "\(phrase)")
        let phraseHits = try JSONSerialization.jsonObject(with: Data(phrase.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(phraseHits.map { $0["snippet"] as? String } == ["[Cache keys] collided after a deploy"])
        let reversed = try sandbox.run("search", "--db", db, "\"key cache\"")
        #expect(reversed.status == 0 && reversed.stdout.isEmpty && reversed.stderr == "No records match.\n")
        // A prefix still finds the words it begins.
        let prefix = try sandbox.run("search", "--db", db, "--format", "json", "collid*")
        #expect(prefix.succeededQuietly, "\(prefix)")
        #expect(prefix.stdout.contains("\"Cache keys [collided] after a deploy\""))
    }

    @Test func controlCharactersInStoredTextNeverReachTheTerminal() throws {
        let table = try sandbox.run("search", "--db", db, "staging")
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("\\u{1b}[31mred\\u{1b}[0m"))
        let json = try sandbox.run("search", "--db", db, "--format", "json", "staging")
        #expect(json.succeededQuietly, "\(json)")
        let hit = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        #expect((hit["snippet_text"] as? String)?.contains("\u{1B}[31mred") == true)
    }

    @Test func csvSnippetsStayOnOneLineAsTheTableDoes() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let file = try sandbox.write("lines.yaml", """
            version: 1
            incidents:
              - id: i1-lines
                title: "Disk filled, \\"quietly\\"\\nover a weekend"
                started_at: 2024-01-10T10:00:00Z
                near_miss: true
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        let csv = try sandbox.run("search", "--db", db, "--format", "csv", "quietly")
        #expect(csv.succeededQuietly, "\(csv)")
        // Only the title, which CSV quotes whole, keeps its line break; both snippets are flattened.
        #expect(csv.stdout == "rank,incident,incident_title,started_at,field,record,snippet,snippet_text,matches\r\n"
                    + "1,i1-lines,\"Disk filled, \"\"quietly\"\"\nover a weekend\",2024-01-10T10:00:00Z,incident.title,,"
                    + "\"Disk filled, \"\"[quietly]\"\" over a weekend\",\"Disk filled, \"\"quietly\"\" over a weekend\",quietly\r\n")
        // JSON keeps the stored text as it is.
        let json = try sandbox.run("search", "--db", db, "--format", "json", "quietly")
        #expect(json.stdout.contains("\"snippet_text\": \"Disk filled, \\\"quietly\\\"\\nover a weekend\""), "\(json)")
    }

    @Test func filtersAndTheirMistakes() throws {
        let api = try sandbox.run("search", "--db", db, "--format", "json", "--service", "web", "keys")
        #expect(api.succeededQuietly, "\(api)")
        #expect(api.stdout == "[]\n")
        let cause = try sandbox.run("search", "--db", db, "--format", "json", "--cause", "deploy", "keys")
        #expect(cause.succeededQuietly, "\(cause)")
        #expect(cause.stdout.contains("i1-keys") && !cause.stdout.contains("i2-ttl"))
        let since = try sandbox.run("search", "--db", db, "--format", "json", "--since", "2024-02-01", "keys")
        #expect(since.succeededQuietly, "\(since)")
        #expect(since.stdout.contains("i2-ttl") && !since.stdout.contains("i1-keys"))
        let none = try sandbox.run("search", "--db", db, "zebra")
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr == "No records match.\n")
        let unknown = try sandbox.run("search", "--db", db, "--service", "nope", "keys")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no service with id 'nope'"))
        let limit = try sandbox.run("search", "--db", db, "--limit", "0", "keys")
        #expect(limit.status == 64)
        #expect(limit.stderr.contains("--limit: 0 is out of range"))
        let day = try sandbox.run("search", "--db", db, "--since", "2024-02-30", "keys")
        #expect(day.status == 64)
        #expect(day.stderr.contains("--since:"))
    }

    /// A record's field is the one holding more of the query's words, each word counted once
    /// however many of its forms (by stem, case or accent) the text holds.
    @Test func theFieldNamedHoldsMoreOfTheWordsNotMoreFormsOfOne() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("forms.sqlite")
        let file = try sandbox.write("forms.yaml", """
            version: 1
            incidents:
              - id: i1-check
                title: Health check failed
                summary: The checks checked what was checking.
                started_at: 2024-01-01T10:00:00Z
                factors:
                  - id: cafe
                    title: Café menu
                    description: The CAFÉ, the cafe and the café.
                    cause: code
            """)
        #expect(try sandbox.run("import", "--db", db, file).status == 0)
        func hits(_ query: String) throws -> [[String: Any]] {
            let result = try sandbox.run("search", "--db", db, "--format", "json", query)
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        }
        // "check" is in the title once and in the summary in three forms: one word in each, so
        // the title, as on any tie.
        let check = try hits("check")
        #expect(check.map { $0["field"] as? String } == ["incident.title"])
        #expect(check.first?["snippet"] as? String == "Health [check] failed")
        // "check what": the title holds one of the two words, the summary both.
        let checkWhat = try hits("check what")
        #expect(checkWhat.map { $0["field"] as? String } == ["incident.summary"])
        #expect(checkWhat.first?["snippet"] as? String == "The [checks] [checked] [what] was [checking].")
        // "cafe" is one word in the factor's title and, spelt three ways, one in its description.
        let cafe = try hits("cafe")
        #expect(cafe.map { $0["field"] as? String } == ["factor.title"])
        #expect(cafe.first?["snippet"] as? String == "[Café] menu")
    }

    /// A word with one dash would be read as short flags, and one with an h in it as -h: the
    /// help on standard output and exit 0. It is refused with the two ways to write it instead.
    @Test(arguments: ["-health", "-keys", "-cache"])
    func aQueryThatStartsWithADashIsRefusedWithTheWayToWriteIt(query: String) throws {
        let refused = try sandbox.run("search", "--db", db, query)
        #expect(refused.status == 64)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == """
            error: '\(query)' is not an option (hindsight's options start with --; only -h has one dash)
            a value that starts with - is joined to its option by =, as in --title=\(query)
            a search query that starts with - goes after --, as in: hindsight search -- \(query)

            """)
        let searched = try sandbox.run("search", "--db", db, "--format", "json", "--", query)
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(searched.stdout.utf8)) is [Any])
    }

    @Test func aValueThatStartsWithADashIsRefusedUnlessJoinedByEquals() throws {
        let refused = try sandbox.run("action", "add", "--db", db, "i1-keys", "--title", "-fix hosts", "--kind", "prevent")
        #expect(refused.status == 64)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("if it is the value of --title, join the two by =: --title=-fix hosts"), "\(refused.stderr)")
        #expect(try sandbox.run("actions", "--db", db, "--format", "json").quietOutput().contains("fix hosts") == false)
        let added = try sandbox.run("action", "add", "--db", db, "i1-keys", "--title=-fix hosts", "--kind", "prevent")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try sandbox.run("actions", "--db", db, "--format", "json").quietOutput().contains("-fix hosts"))
    }
}
