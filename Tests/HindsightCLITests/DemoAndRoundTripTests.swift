import Foundation
import Testing

/// The binary run as a user would: demo, import, export and listings.
struct DemoAndRoundTripTests {
    @Test func demoBuildsTheSeedKnowledgeBaseInTheDefaultPlace() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("demo")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("5 incidents"))
        #expect(result.stdout.contains("url-shortener"))
        #expect(result.stdout.contains("23m"))
        #expect(result.stdout.contains("Try next:"))
        #expect(FileManager.default.fileExists(atPath: sandbox.file("data/hindsight/demo.sqlite")))
        // Running it again is harmless.
        #expect(try sandbox.run("demo").status == 0)
    }

    @Test func everyCommandTheDemoSuggestsRunsOnTheDemoFile() throws {
        let sandbox = try Sandbox()
        let demo = try sandbox.run("demo", "--db", sandbox.file("demo.sqlite"))
        #expect(demo.status == 0)
        let suggestions = demo.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("hindsight ") }
        #expect(suggestions.count >= 6)
        for line in suggestions {
            // Drop the program name and any redirection; the sandbox's path holds no spaces.
            let command = line.dropFirst("hindsight ".count).split(separator: ">").first ?? ""
            let arguments = command.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            let result = try Hindsight.run(arguments, home: sandbox.path)
            #expect(result.status == 0, "\(line): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(line) printed nothing")
        }
    }

    @Test func aCopiedBinaryRunsTheDemoWithoutTheBuildFolder() throws {
        let sandbox = try Sandbox()
        let copy = sandbox.file("hindsight")
        try FileManager.default.copyItem(atPath: Hindsight.binaryPath, toPath: copy)
        let result = try Hindsight.run(["demo", "--db", sandbox.file("copy.sqlite")], home: sandbox.path,
                                       directory: sandbox.path, binary: copy)
        #expect(result.status == 0)
        #expect(result.stdout.contains("5 incidents"))
    }

    @Test func exportReimportsToAnIdenticalExport() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("demo", "--db", sandbox.file("demo.sqlite")).status == 0)
        for format in ["yaml", "json"] {
            let exported = try sandbox.run("export", "--db", sandbox.file("demo.sqlite"), "--format", format)
            #expect(exported.status == 0)
            let copy = sandbox.file("copy-\(format).sqlite")
            let imported = try sandbox.run("import", "--db", copy, "-", stdin: exported.stdout)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("incidents: 5 added"))
            #expect(try sandbox.run("export", "--db", copy, "--format", format).quietOutput() == exported.stdout)
            let again = try sandbox.run("import", "--db", copy, "-", stdin: exported.stdout)
            #expect(again.succeededQuietly, "\(again)")
            #expect(again.stdout.hasPrefix("Nothing to change"))
        }
    }

    @Test func importReadsDirectoriesInNameOrderAndCreatesTheDatabase() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.file("pm/2024"), withIntermediateDirectories: true)
        try sandbox.write("pm/00-services.yaml", "version: 1\nservices: [{id: api, name: API}]\n")
        try sandbox.write("pm/2024/outage.yaml", """
            version: 1
            incidents:
              - {id: outage, title: Outage, started_at: 2024-03-01T10:00:00Z, impacts: [{service: api}]}
            """)
        try sandbox.write("pm/notes.txt", "not interchange")
        let result = try sandbox.run("import", "--db", sandbox.file("new/kb.sqlite"), sandbox.file("pm"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("services: 1 added"))
        #expect(result.stdout.contains("incidents: 1 added"))
    }

    @Test func readingCommandsRefuseAMissingDatabaseAndSayHowToCreateOne() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run("incidents", "--db", sandbox.file("missing.sqlite"))
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("no knowledge base at"))
        #expect(result.stderr.contains("hindsight init"))
        #expect(sandbox.bytes("missing.sqlite") == nil)
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNotGiven() throws {
        let sandbox = try Sandbox()
        let path = sandbox.file("from-env.sqlite")
        let result = try Hindsight.run(["init"], home: sandbox.path, environment: ["HINDSIGHT_DB": path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(path))
        let fallback = try sandbox.run("init")
        #expect(fallback.succeededQuietly, "\(fallback)")
        #expect(fallback.stdout.contains(sandbox.file("data/hindsight/hindsight.sqlite")))
    }

    /// A folder given with a trailing slash (`HOME=/`, `XDG_DATA_HOME=/data/`) made paths such as
    /// `//.local/share/hindsight/hindsight.sqlite` in the file used and in every message.
    @Test func aTrailingSlashInTheDataFolderIsNotDoubled() throws {
        let sandbox = try Sandbox()
        let fromXDG = try Hindsight.run(["services"], home: sandbox.path, environment: ["XDG_DATA_HOME": sandbox.path + "/xdg//"])
        #expect(fromXDG.status == 1)
        #expect(fromXDG.stderr.hasPrefix("error: no knowledge base at \(sandbox.path)/xdg/hindsight/hindsight.sqlite;"), "\(fromXDG.stderr)")
        let fromHome = try Hindsight.run(["services"], home: sandbox.path + "/", environment: ["XDG_DATA_HOME": ""])
        #expect(fromHome.status == 1)
        #expect(fromHome.stderr.hasPrefix("error: no knowledge base at \(sandbox.path)/.local/share/hindsight/hindsight.sqlite;"),
                "\(fromHome.stderr)")
    }

    @Test func everyCommandIsDocumentedInTheReadme() throws {
        let readme = try String(contentsOfFile: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md").path, encoding: .utf8)
        let sandbox = try Sandbox()
        let help = try sandbox.run("--help").quietOutput()
        // Subcommand names stand two spaces in; wrapped abstracts are indented further.
        let commands = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "")
            .split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.hasPrefix("  See ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count >= 7)
        for command in commands {
            #expect(readme.contains("hindsight \(command)"), "README lacks hindsight \(command)")
        }
        #expect(readme.contains("hindsight incident show"))
        #expect(readme.contains("swift run hindsight demo"))
        #expect(readme.contains("swift test"))
    }
}
