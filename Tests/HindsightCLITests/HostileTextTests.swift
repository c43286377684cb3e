import Foundation
import Testing

/// Text that tries to do harm: SQL and FTS5 syntax, control and BiDi characters, combining
/// characters, emoji, a 1 MiB field. It is stored and given back byte for byte, never run, cut or
/// normalised; the outputs that a terminal, a spreadsheet or a browser would interpret defuse it.
struct HostileTextTests {
    static let hostile: [String] = [
        "'); DROP TABLE incident; --",
        "\" OR 1=1 --",
        "title:x* AND \"quoted phrase\" OR NOT NEAR(a b, 2) ^start {col1 col2}: -minus",
        "bell \u{7} escape \u{1B}[2J\u{1B}]0;retitled\u{7} delete \u{7F} c1 \u{9B}31m tab\tcr\r nonchar \u{FFFF}",
        "bidi \u{202E}txet desrever\u{202C} isolate \u{2066}x\u{2069} marks \u{200E}\u{200F}\u{61C}",
        "combining e\u{301} versus é, Å versus A\u{30A}, zalgo a\u{300}\u{301}\u{302}\u{303}\u{304}",
        "emoji 👩‍👩‍👧‍👦 🏳️‍🌈 🇨🇿 1️⃣ \u{FE0F} zero width\u{200B}joiner\u{200D}",
        "=HYPERLINK(\"http://example.invalid\")",
        "<script>alert('x')</script> &amp;",
    ]

    /// An incident whose every free-text field holds hostile text, and whose summary is 1 MiB.
    static func document(summary: String) throws -> Data {
        let incident: [String: Any] = [
            "id": "hostile", "title": hostile.joined(separator: " | "), "started_at": "2024-03-01T10:00:00Z",
            "summary": summary, "tags": hostile,
            "impacts": [["service": "api", "note": hostile[3]]],
            "factors": hostile.enumerated().map { ["id": "f\($0.offset)", "title": $0.element, "cause": "code/bug", "description": $0.element] },
            "actions": [["id": "a1", "title": hostile[4], "kind": "prevent", "owner": hostile[6], "ticket": hostile[0]]],
            "timeline": hostile.map { ["at": "2024-03-01T10:05:00Z", "text": $0] },
        ]
        let document: [String: Any] = ["version": 1, "services": [["id": "api", "name": hostile[1]]], "incidents": [incident]]
        return try JSONSerialization.data(withJSONObject: document)
    }

    /// JSON text with DEL, C1 controls and U+FFFE/U+FFFF written as `\\u` escapes. JSONSerialization
    /// writes them raw, which is valid JSON, but the importer reads JSON with a YAML parser, and
    /// YAML refuses them raw (with a located message); escaped, they are the same text.
    static func escapingRawControls(_ json: Data) -> Data {
        var text = ""
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) || (0xFFFE...0xFFFF).contains(scalar.value) {
                text += String(format: "\\u%04x", scalar.value)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return Data(text.utf8)
    }

    /// Every string in a JSON value, in document order, as raw UTF-8 (Swift's `==` on strings
    /// would call "é" and "e\u{301}" equal; bytes do not).
    static func strings(_ value: Any) -> [[UInt8]] {
        switch value {
        case let text as String: return [Array(text.utf8)]
        case let array as [Any]: return array.flatMap(strings)
        case let object as [String: Any]: return object.keys.sorted().flatMap { strings(object[$0]!) }
        default: return []
        }
    }

    /// 1 MiB of text that mixes one-, two-, three- and four-byte characters and control characters.
    static let megabyte: String = {
        let unit = "abc é ž 中 😀 \u{1B}[0m \u{202E} e\u{301}\n"  // 32 bytes of UTF-8
        return String(repeating: unit, count: 1_048_576 / unit.utf8.count)
    }()

    @Test func hostileTextIsStoredAndGivenBackByteForByte() throws {
        #expect(Self.megabyte.utf8.count == 1_048_576)
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let input = Self.escapingRawControls(try Self.document(summary: Self.megabyte))
        let imported = try Hindsight.run(["import", "--db", db, "-"], stdin: input, home: sandbox.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The SQL did not run: every table is there and holds what was imported.
        #expect(try SQLiteShell.count(db, "incident") == 1)
        #expect(try SQLiteShell.count(db, "factor") == Self.hostile.count)
        #expect(try SQLiteShell.query(db, "SELECT length(CAST(summary AS BLOB)) FROM incident") == "1048576")

        let exported = try sandbox.run("export", "--db", db, "--format", "json")
        #expect(exported.status == 0)
        let original = try JSONSerialization.jsonObject(with: input) as? [String: Any] ?? [:]
        let back = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any] ?? [:]
        let originalIncident = try #require((original["incidents"] as? [[String: Any]])?.first)
        let backIncident = try #require((back["incidents"] as? [[String: Any]])?.first)
        let hostileBytes = Self.hostile.map { Array($0.utf8) }
        #expect(Self.strings(backIncident["title"] as Any) == Self.strings(originalIncident["title"] as Any))
        #expect(Self.strings(backIncident["summary"] as Any) == [Array(Self.megabyte.utf8)])
        #expect(Self.strings(backIncident["tags"] as Any) == hostileBytes)
        let factors = backIncident["factors"] as? [[String: Any]] ?? []
        #expect(factors.flatMap { Self.strings($0["title"] as Any) } == hostileBytes)
        #expect(factors.flatMap { Self.strings($0["description"] as Any) } == hostileBytes)
        let timeline = backIncident["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.flatMap { Self.strings($0["text"] as Any) } == hostileBytes)
        let impacts = backIncident["impacts"] as? [[String: Any]] ?? []
        #expect(impacts.flatMap { Self.strings($0["note"] as Any) } == [hostileBytes[3]])
        let action = try #require((backIncident["actions"] as? [[String: Any]])?.first)
        #expect(Self.strings(action["title"] as Any) == [Array(Self.hostile[4].utf8)])
        #expect(Self.strings(action["owner"] as Any) == [Array(Self.hostile[6].utf8)])
        #expect(Self.strings(action["ticket"] as Any) == [Array(Self.hostile[0].utf8)])
        let service = try #require((back["services"] as? [[String: Any]])?.first)
        #expect(Self.strings(service["name"] as Any) == [Array(Self.hostile[1].utf8)])

        // The YAML export carries the same bytes: imported into a new file, it exports the same JSON.
        let yaml = try sandbox.run("export", "--db", db)
        #expect(yaml.succeededQuietly, "\(yaml)")
        let copy = sandbox.file("copy.sqlite")
        #expect(try Hindsight.run(["import", "--db", copy, "-"], stdin: Data(yaml.stdout.utf8), home: sandbox.path).status == 0)
        #expect(try sandbox.run("export", "--db", copy, "--format", "json").quietOutput() == exported.stdout)
    }

    @Test func nulAndInvalidUTF8AreRefusedWithTheirPosition() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        // An escaped NUL inside a JSON string, on line 1 at the title's value.
        let escaped = #"{"version": 1, "incidents": [{"id": "x", "title": "before\u0000after", "started_at": "2024-03-01T10:00:00Z"}]}"#
        let nul = try Hindsight.run(["import", "--db", db, "-"], stdin: Data(escaped.utf8), home: sandbox.path)
        #expect(nul.status == 65)
        #expect(nul.stderr.hasPrefix("-:1:"), "\(nul.stderr)")
        #expect(nul.stderr.contains("incidents[0].title: text may not contain NUL"), "\(nul.stderr)")
        // A lone continuation byte after "titl": offset 55 (15 + 14 + 12 + 14 bytes before it), column 56.
        var bytes = Array(#"{"version": 1, "incidents": [{"id": "x", "title": "titl"#.utf8)
        #expect(bytes.count == 55)
        bytes += [0x80] + Array(#"e", "started_at": "2024-03-01T10:00:00Z"}]}"#.utf8)
        let invalid = try Hindsight.run(["import", "--db", db, "-"], stdin: Data(bytes), home: sandbox.path)
        #expect(invalid.status == 65)
        #expect(invalid.stderr == "-:1:56: invalid UTF-8 (byte 0x80 at offset 55); the input must be UTF-8\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func anArgumentThatIsNotUTF8IsRefusedNotReplaced() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let before = sandbox.bytes("demo.sqlite")
        // Process passes arguments as C strings; build one with a raw 0xFF byte through the shell.
        let result = try Hindsight.run(["-c", "exec \"$0\" maintenance add url-shortener --db \"$1\" --start 2024-01-01T00:00:00Z --end 2024-01-01T01:00:00Z --note \"$(printf 'bad \\377 byte')\"",
                                        Hindsight.binaryPath, db], home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 64)
        #expect(result.stderr == "error: argument 11: invalid UTF-8 (byte 0xFF at offset 4); the input must be UTF-8; nothing was done\n")
        #expect(sandbox.bytes("demo.sqlite") == before)
    }

    /// The outputs that something downstream would interpret: a terminal (table, markdown), a
    /// spreadsheet (CSV) and a browser (HTML).
    @Test func outputsDefuseWhatTheirReaderWouldRun() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let titles = ["=cmd|' /C calc'!A0", "+1+cmd", "-2+3", "@SUM(A1:A9)", "\u{1B}]0;retitled\u{7}\u{1B}[2J gone",
                      "<img src=x onerror=alert(1)>", "\u{202E}evil"]
        let incidents = titles.enumerated().map { index, title in
            ["id": "hostile-\(index)", "title": title, "started_at": "2019-10-0\(index + 1)T10:00:00Z",
             "resolved_at": "2019-10-0\(index + 1)T10:30:00Z", "impacts": [["service": "catalogue-api"]],
             // The report's HTML shows titles only of near misses.
             "near_miss": title.hasPrefix("<img"),
             // An action whose title is 19 characters stored and 26 shown: "\u{202e}" and 18 x.
             "actions": index == 6 ? [["id": "a1", "title": "\u{202E}" + String(repeating: "x", count: 18), "kind": "prevent"]]
                                   : []] as [String: Any]
        }
        let input = try JSONSerialization.data(withJSONObject: ["version": 1, "incidents": incidents] as [String: Any])
        #expect(try Hindsight.run(["import", "--db", db, "-"], stdin: input, home: sandbox.path).status == 0)

        let table = try sandbox.run("incidents", "--db", db, "--service", "catalogue-api")
        #expect(table.succeededQuietly, "\(table)")
        let markdown = try sandbox.run("incidents", "--db", db, "--service", "catalogue-api", "--format", "markdown")
        #expect(markdown.succeededQuietly, "\(markdown)")
        let show = try sandbox.run("incident", "show", "--db", db, "hostile-4")
        #expect(show.succeededQuietly, "\(show)")
        for output in [table.stdout, markdown.stdout, show.stdout] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
        }
        #expect(table.stdout.contains("\\u{1b}]0;retitled\\u{7}"))
        // The override is escaped in the title, the last cell of its row in both listings; hostile-4's
        // title, escapes and all, heads its `incident show`.
        #expect(table.stdout.contains("  \\u{202e}evil\n"))
        #expect(markdown.stdout.contains(" | \\u{202e}evil |\n"))
        #expect(show.stdout.hasPrefix("\\u{1b}]0;retitled\\u{7}\\u{1b}[2J gone\n"))
        // The rule under it is as long as the title as shown: 36 characters (the 22 stored, of which
        // the two escapes of 6 characters and the bell's of 5 replace 3), where it was 22.
        #expect(show.stdout.split(separator: "\n").dropFirst().first == Substring(String(repeating: "═", count: 36)))
        let action = try sandbox.run("action", "show", "--db", db, "hostile-6/a1")
        #expect(action.succeededQuietly, "\(action)")
        #expect(action.stdout.hasPrefix("\\u{202e}\(String(repeating: "x", count: 18))\n\(String(repeating: "═", count: 26))\n"),
                "\(action.stdout)")

        let csv = try sandbox.run("incidents", "--db", db, "--service", "catalogue-api", "--format", "csv")
        #expect(csv.succeededQuietly, "\(csv)")
        for defused in ["'=cmd|' /C calc'!A0", "'+1+cmd", "'-2+3", "'@SUM(A1:A9)"] {
            // The title is the second column: a whole cell, quoted or not.
            #expect(csv.stdout.contains(",\(defused),") || csv.stdout.contains(",\"\(defused)\","), "\(defused)")
        }
        let csvLines = csv.stdout.components(separatedBy: "\r\n")
        #expect(!csvLines.contains { line in line.split(separator: ",").contains { "=+-@".contains($0.first ?? " ") } })

        let html = try sandbox.run("report", "--db", db, "--month", "2019-10", "--format", "html")
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<img"))
        #expect(html.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    /// Text that a Markdown renderer would read as HTML: tags, an entity, with a pipe and a
    /// backslash, which Markdown reads as syntax too.
    static let markup = #"<script>alert(1)</script> <b>site</b> & &amp; a|b back\slash"#
    /// `markup` as Markdown writes it, checked by hand: `&`, `<` and `>` as `&amp;`, `&lt;` and
    /// `&gt;`, the stored `&amp;` escaped once more so that it reads as typed, the pipe and the
    /// backslash escaped with a backslash.
    static let markupEscaped = #"&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;site&lt;/b&gt; &amp; &amp;amp; a\|b back\\slash"#

    /// Every command with Markdown output writes stored text with its `<`, `>` and `&` escaped, so
    /// that a renderer shows it as stored (`Near <miss>` does not vanish as an unknown tag, a
    /// `<script>` does not run), and a title or timeline entry with a line break stays one heading
    /// or list item.
    @Test func markdownEscapesHTMLInEveryCommand() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let markup = Self.markup
        let document: [String: Any] = [
            "version": 1,
            "services": [["id": "web", "name": markup, "team": markup]],
            "slas": [["service": "web", "objective": 99.9, "window": "month"]],
            "maintenance": [["service": "web", "start": "2019-10-20T02:00:00Z", "end": "2019-10-20T03:00:00Z", "note": markup]],
            "incidents": [
                ["id": "hostile", "title": markup + "\nsecond line", "started_at": "2019-10-01T10:00:00Z",
                 "resolved_at": "2019-10-01T10:30:00Z", "summary": markup + "\n\n" + markup,
                 "impacts": [["service": "web", "note": markup]],
                 "factors": [["id": "f1", "title": markup, "cause": "code/bug", "role": "trigger"],
                             ["id": "f2", "title": markup, "cause": "config/drift", "role": "latent"]],
                 "actions": [["id": "a1", "title": markup, "kind": "prevent", "owner": markup, "ticket": markup,
                              "addresses": ["f1"], "priority": "high"]],
                 "timeline": [["at": "2019-10-01T10:05:00Z", "text": markup + "\nnext line"]]],
                ["id": "near", "title": "Near <miss>", "near_miss": true, "started_at": "2019-10-05T10:00:00Z",
                 "resolved_at": "2019-10-05T10:10:00Z", "impacts": [["service": "web"]],
                 "factors": [["id": "g1", "title": "Near <miss> factor", "cause": "code/bug", "role": "trigger"]]],
            ] as [[String: Any]],
        ]
        let input = try JSONSerialization.data(withJSONObject: document)
        let imported = try Hindsight.run(["import", "--db", db, "-"], stdin: input, home: sandbox.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let noted = try sandbox.run("action", "update", "--db", db, "hostile/a1", "--note", "<i>note</i> & more",
                                    "--by", "<u>me</u>")
        #expect(noted.status == 0, "\(noted.stderr)")

        let escaped = Self.markupEscaped
        // Each command and what its Markdown must carry.
        let expectations: [([String], [String])] = [
            (["services"], ["| web | \(escaped) | \(escaped) |"]),
            (["incidents"], ["| \(escaped)<br>second line |", "| Near &lt;miss&gt; |"]),
            // The match is marked between [ and ] (escaped, as every bracket is), inside the escaped text.
            (["search", "site"], ["&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;\\[site\\]&lt;/b&gt; &amp; &amp;amp; a\\|b"]),
            (["incident", "show", "hostile"], [
                "## \(escaped)<br>second line\n\n",
                "\n\n\(escaped)\n\n\(escaped)\n",
                "| web | 2019-10-01T10:00:00Z – 2019-10-01T10:30:00Z (30m) | 100% | \(escaped) |",
                "| \(escaped) | config/drift | latent |",
                "| \(escaped) | prevent | high | \(escaped) |",
                "\n- 2019-10-01T10:05:00Z: \(escaped)<br>next line\n",
            ]),
            (["incident", "show", "near"], ["## Near &lt;miss&gt;\n"]),
            (["report", "--month", "2019-10"], ["| near | Near &lt;miss&gt; |"]),
            (["actions"], ["| \(escaped) | hostile/a1 | \(escaped) |"]),
            (["action", "show", "hostile/a1"], [
                "## \(escaped)\n", "- incident: `hostile` \(escaped)<br>second line\n", "- owner: \(escaped)\n",
                "- ticket: \(escaped)\n", "| f1 | code/bug | \(escaped) |",
                "| &lt;u&gt;me&lt;/u&gt; | note |  |  | &lt;i&gt;note&lt;/i&gt; &amp; more |",
            ]),
            (["followup", "--by", "owner"], ["| \(escaped) | 1 |"]),
            (["gaps"], ["| f2 | config/drift | latent | \(escaped) |",
                        "| near | g1 | code/bug | trigger | Near &lt;miss&gt; factor |", "| near | Near &lt;miss&gt; |"]),
            (["maintenance", "list"], ["| 1h | \(escaped) |"]),
        ]
        for (command, expected) in expectations {
            let result = try Hindsight.run(command + ["--db", db, "--format", "markdown"], home: sandbox.path)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            for text in expected {
                #expect(result.stdout.contains(text), "\(command) lacks \(text):\n\(result.stdout)")
            }
            // The only markup is the line break that Markdown writes itself; every & begins an entity.
            let rest = result.stdout.replacingOccurrences(of: "<br>", with: "")
            #expect(!rest.contains("<") && !rest.contains(">"), "\(command):\n\(result.stdout)")
            let ampersands = rest.components(separatedBy: "&").dropFirst()
            #expect(ampersands.allSatisfy { $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("amp;") },
                    "\(command):\n\(result.stdout)")
        }
    }

    /// Markdown writes every square bracket with a backslash, so that neither a stored link nor the
    /// marks `search` puts around a match followed by `(` make a link that hides text: unescaped,
    /// `[docs](https://evil.example/x)` renders as a link named "docs" and the target vanishes.
    @Test func markdownBracketsNeverMakeALink() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let file = try sandbox.write("links.yaml", """
            version: 1
            services:
              - {id: web, name: Web}
            incidents:
              - id: links
                title: "See docs(https://evil.example/x) and [runbook](https://evil.example/y)"
                started_at: 2024-05-06T00:00:00Z
            """)
        _ = try sandbox.run("import", "--db", db, file).quietOutput()
        let search = try sandbox.run("search", "--db", db, "--format", "markdown", "docs").quietOutput()
        #expect(search.contains("| See \\[docs\\](https://evil.example/x) and \\[runbook\\](https://evil.example/y) |"), "\(search)")
        let listing = try sandbox.run("incidents", "--db", db, "--format", "markdown").quietOutput()
        #expect(listing.contains("| See docs(https://evil.example/x) and \\[runbook\\](https://evil.example/y) |"), "\(listing)")
        let show = try sandbox.run("incident", "show", "--db", db, "links", "--format", "markdown").quietOutput()
        #expect(show.hasPrefix("## See docs(https://evil.example/x) and \\[runbook\\](https://evil.example/y)\n"), "\(show)")
        // The table shows the text as stored, marks unescaped.
        let table = try sandbox.run("search", "--db", db, "docs").quietOutput()
        #expect(table.contains("See [docs](https://evil.example/x) and [runbook](https://evil.example/y)"), "\(table)")
    }
}
