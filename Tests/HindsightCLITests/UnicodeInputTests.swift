import Foundation
import Testing

/// What editors and other programs write around text, end to end: a byte order mark before the
/// document, U+FEFF and line separators inside text, escapes of characters beyond U+FFFF, and raw
/// control characters. Text goes in and comes out byte for byte; what cannot go in is refused with
/// one located line.
struct UnicodeInputTests {
    @Test func aFileMayStartWithAByteOrderMark() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("version: 1\nservices:\n  - {id: s, name: S}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: sandbox.file("bom.yaml")))
        let imported = try sandbox.run("import", "--db", db, sandbox.file("bom.yaml"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("services: 1 added"))

        // A problem after the mark is placed where an editor shows it.
        bytes += Array("  - {id: t}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: sandbox.file("bad.yaml")))
        let refused = try sandbox.run("import", "--db", db, sandbox.file("bad.yaml"))
        #expect(refused.status == 65)
        #expect(refused.stderr == sandbox.file("bad.yaml") + ":4:5: services[1]: missing required key 'name'\n")
    }

    @Test func aLeadingFEFFInTextSurvivesTheYAMLExport() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let json = #"{"version": 1, "services": [{"id": "s", "name": "\ufeffHidden", "team": "\ufeff"}]}"#
        #expect(try sandbox.run("import", "--db", db, "-", stdin: json).status == 0)
        let exportedJSON = try sandbox.run("export", "--db", db, "--format", "json").quietOutput()
        #expect(exportedJSON.contains("\"name\": \"\u{FEFF}Hidden\""), "\(exportedJSON)")

        let yaml = try sandbox.run("export", "--db", db).quietOutput()
        let again = try sandbox.run("import", "--db", db, "-", stdin: yaml)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("services: 0 added, 0 replaced, 1 unchanged"), "\(again.stdout)")
        let copy = sandbox.file("copy.sqlite")
        #expect(try sandbox.run("import", "--db", copy, "-", stdin: yaml).status == 0)
        #expect(try sandbox.run("export", "--db", copy, "--format", "json").quietOutput() == exportedJSON)
    }

    @Test func aRawControlCharacterIsOneLineNamingIt() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let message = "control character U+0001 may not appear raw in an interchange file; write it as the escape "
            + "\\u0001 inside a double-quoted string (tab, line feed and carriage return may appear raw)\n"
        let json = try sandbox.write("ctrl.json", "{\"version\":1,\"services\":[{\"id\":\"c\",\"name\":\"a\u{1}b\"}]}")
        let fromJSON = try sandbox.run("import", "--db", db, json)
        #expect(fromJSON.status == 65)
        #expect(fromJSON.stderr == json + ":1:45: " + message)
        let yaml = try sandbox.write("ctrl.yaml", "version: 1\nservices:\n  - id: c\n    name: a\u{1}b\n")
        let fromYAML = try sandbox.run("import", "--db", db, yaml)
        #expect(fromYAML.status == 65)
        #expect(fromYAML.stderr == yaml + ":4:12: " + message)
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    @Test func aSurrogatePairEscapeInJSONIsTheCharacter() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let json = #"{"version":1,"services":[{"id":"e","name":"Pager \ud83d\ude00"}]}"#
        let imported = try sandbox.run("import", "--db", db, "-", stdin: json)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sandbox.run("export", "--db", db, "--format", "json").quietOutput().contains(#""name": "Pager 😀""#))

        let lone = try sandbox.run("import", "--db", db, "-", stdin: #"{"version":1,"services":[{"id":"f","name":"\ud83d"}]}"#)
        #expect(lone.status == 65)
        #expect(lone.stderr.hasPrefix("-:1:44: not valid YAML or JSON: this escape names no character: a UTF-16 surrogate"),
                "\(lone.stderr)")
        #expect(lone.stderr.split(separator: "\n").count == 1)
    }

    /// A raw NEL in a JSON string (what a program that decoded Windows-1252's ellipsis as
    /// Latin-1 writes) was taken for a line break and stored as a space. It is refused at its
    /// place, with the escape to write instead, and nothing is stored; the escape goes in exactly.
    @Test func aRawNELIsRefusedAndItsEscapeKept() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let raw = "{\"version\": 1, \"services\": [{\"id\": \"s\", \"name\": \"wait\u{85}\"}]}"
        let refused = try sandbox.run("import", "--db", db, "-", stdin: raw)
        #expect(refused.status == 65)
        // `{"version": 1, "services": [{"id": "s", "name": "wait` is 53 characters.
        #expect(refused.stderr == "-:1:54: control character U+0085 may not appear raw in an interchange file; write it as the "
                + "escape \\u0085 inside a double-quoted string (tab, line feed and carriage return may appear raw)\n")
        #expect(!FileManager.default.fileExists(atPath: db))

        let escaped = #"{"version": 1, "services": [{"id": "s", "name": "wait\u0085"}]}"#
        #expect(try sandbox.run("import", "--db", db, "-", stdin: escaped).status == 0)
        #expect(try sandbox.run("export", "--db", db, "--format", "json").quietOutput().contains(#""name": "wait\u0085""#))
    }

    /// YAML readers take NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR for line breaks even inside
    /// JSON, and fold them into a space; the JSON export escapes them, so import(export(db)) is exact.
    @Test func lineAndParagraphSeparatorsSurviveAJSONRoundTrip() throws {
        let sandbox = try Sandbox()
        let input = #"""
            {"version": 1,
             "services": [{"id": "s", "name": "one \u2028 two", "description": "para\u2029graph, nel \u0085 end 😀 \ud83d\ude00"}],
             "incidents": [{"id": "i", "title": "a\u2028b", "started_at": "2024-03-01T10:00:00Z", "summary": "\u2029",
                            "tags": ["x\u2028y"], "timeline": [{"at": "2024-03-01T10:00:00Z", "text": "t\u0085u"}]}]}
            """#
        let first = sandbox.file("first.sqlite")
        let imported = try sandbox.run("import", "--db", first, "-", stdin: input)
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try sandbox.run("export", "--db", first, "--format", "json").quietOutput()
        #expect(exported.contains(#""name": "one \u2028 two""#), "\(exported)")
        #expect(exported.contains(#""description": "para\u2029graph, nel \u0085 end 😀 😀""#), "\(exported)")
        #expect(!exported.unicodeScalars.contains { [0x85, 0x2028, 0x2029].contains($0.value) })

        let second = sandbox.file("second.sqlite")
        let again = try sandbox.run("import", "--db", second, "-", stdin: exported)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try sandbox.run("export", "--db", second, "--format", "json").quietOutput() == exported)
        #expect(try sandbox.run("import", "--db", first, "-", stdin: exported).quietOutput().hasPrefix("Nothing to change"))
    }
}
