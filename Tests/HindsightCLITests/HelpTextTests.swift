import ArgumentParser
import Foundation
import Testing
@testable import HindsightCLI

/// The help of every command fits 80 columns, the width the argument parser wraps it at when
/// standard output is not a terminal, and the parser never breaks an example there: a reader who
/// copies one gets the command whole, continued with ` \` where it is long. Every example at least
/// parses, on a demo knowledge base.
struct HelpTextTests {
    /// Every command under `hindsight` (the root as `[]`) with its subcommand names, taken from the
    /// command tree itself, so that a command added later is checked too.
    static let commands: [[String]] = {
        func walk(_ command: ParsableCommand.Type, _ path: [String]) -> [[String]] {
            [path] + command.configuration.subcommands.flatMap { walk($0, path + [name($0)]) }
        }
        return walk(HindsightCommand.self, [])
    }()

    /// The word that names `command` on the command line.
    static func name(_ command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// The command that the subcommand names of `path` lead to from `hindsight`.
    static func command(at path: [String]) -> ParsableCommand.Type? {
        path.reduce(HindsightCommand.self as ParsableCommand.Type?) { command, word in
            command?.configuration.subcommands.first { name($0) == word }
        }
    }

    /// The lines of a command's discussion that an example is made of: those indented in it.
    static func exampleLines(_ command: ParsableCommand.Type) -> [String] {
        command.configuration.discussion.split(separator: "\n").map(String.init).filter { $0.hasPrefix(" ") }
    }

    /// The walk goes below the top level, so the commands checked include the subcommands.
    @Test func theTreeReachesSubcommands() {
        for path in [[], ["incidents"], ["incident", "show"], ["sla", "add"], ["maintenance", "change"], ["action", "done"]] {
            #expect(Self.commands.contains(path), "\(path)")
        }
    }

    /// `hindsight PATH --help` and `hindsight help PATH` keep every line within 80 columns and show
    /// each example line, and each quoted command, as the discussion writes it.
    @Test(arguments: commands)
    func helpFitsEightyColumnsWithItsExamplesWhole(path: [String]) throws {
        let sandbox = try Sandbox()
        let command = try #require(Self.command(at: path))
        // An empty COLUMNS is no width at all: the parser then asks the terminal, and standard output
        // here is a pipe, so both ways of asking for help get the 80 columns of a pipe.
        for (arguments, columns) in [(path + ["--help"], ""), (["help"] + path, "80")] {
            let help = try Hindsight.run(arguments, home: sandbox.path, environment: ["COLUMNS": columns])
            #expect(help.status == 0, "\(arguments): \(help.stderr)")
            #expect(help.stderr.isEmpty, "\(arguments): \(help.stderr)")
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first?.hasPrefix("OVERVIEW: ") == true, "\(arguments)")
            for line in lines {
                #expect(line.count <= 80, "\(arguments): \(line.count) columns: \(line)")
            }
            // The parser keeps a line break typed in the discussion, so one left inside a
            // paragraph (a missing ` \`) showed as a short line cutting a sentence in two. The
            // prose above the usage is broken only where the next word would not have fitted.
            let prose = lines.prefix { !$0.hasPrefix("USAGE:") }
            for (line, next) in zip(prose, prose.dropFirst())
            where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") {
                let word = next.prefix { $0 != " " }
                #expect(line.count + 1 + word.count > 78, "\(arguments): a paragraph is broken after: \(line)")
            }
            // The parser adds "(values: …)" to an option's help, so a help that names every value
            // itself says them twice ("Output format: table, json, csv or markdown. (values: table,
            // json, csv, markdown; …)").
            let options = lines.drop { $0 != "OPTIONS:" }.dropFirst().prefix { !$0.isEmpty }
            let entries = options.reduce(into: [String]()) { entries, line in
                if line.hasPrefix("  -") || entries.isEmpty { entries.append(line) } else { entries[entries.count - 1] += " " + line }
            }
            for entry in entries {
                let squeezed = entry.split(separator: " ").joined(separator: " ")
                guard let listing = squeezed.firstMatch(of: #/\(values: ([^;)]*)/#) else { continue }
                let values = listing.output.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let said = squeezed[..<listing.range.lowerBound].split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
                #expect(!values.allSatisfy(said.contains), "\(arguments): an option names its values twice: \(squeezed)")
            }
            // The parser wraps a line of 80 or more, even one of an example; each is shown as written.
            for example in Self.exampleLines(command) {
                #expect(lines.contains(example), "\(arguments): an example was broken: \(example)")
            }
            // So is a command quoted in the prose.
            let quoted = command.configuration.discussion.matches(of: #/'hindsight [^']*'/#).map { String($0.output) }
            for phrase in quoted {
                #expect(help.stdout.contains(phrase), "\(arguments): a quoted command was broken: \(phrase)")
            }
            // The help lists the same subcommands as the tree, so the tree is the binary's.
            let listed = lines.drop { $0 != "SUBCOMMANDS:" }.dropFirst().prefix { !$0.isEmpty }
                .compactMap { $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil }
            #expect(listed == command.configuration.subcommands.map(Self.name), "\(arguments): \(listed)")
        }
    }

    /// The usage line, which the parser writes whole however long, is broken between options, each
    /// option kept with its value.
    @Test func aLongUsageIsWrappedBetweenOptions() throws {
        let sandbox = try Sandbox()
        let help = try Hindsight.run(["sla", "change", "--help"], home: sandbox.path, environment: ["COLUMNS": "80"])
        #expect(help.succeededQuietly, "\(help)")
        let usage = help.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("USAGE: ") } ?? ""
        let lines = usage.split(separator: "\n").map(String.init)
        #expect(lines.count > 1, "\(usage)")
        #expect(lines.first?.hasPrefix("USAGE: hindsight sla change [--db <path>] <service>") == true, "\(usage)")
        // Continuation lines start under the first argument.
        let indent = String(repeating: " ", count: "USAGE: hindsight sla change ".count)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(indent + "[") || $0.hasPrefix(indent + "-") }, "\(usage)")
        for option in ["[--allowed-downtime <duration>]", "[--credit <below:percent> ...]", "[--no-credits]"] {
            #expect(lines.contains { $0.contains(option) }, "\(option) in \(usage)")
        }
        // Joined again, it is the parser's one line.
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined == "USAGE: " + HindsightCommand.usageString(for: SLAChangeCommand.self), "\(joined)")
        // A terminal wide enough gets it on one line, as the parser wrote it.
        let wide = try Hindsight.run(["sla", "change", "--help"], home: sandbox.path, environment: ["COLUMNS": "400"])
        #expect(wide.succeededQuietly, "\(wide)")
        #expect(wide.stdout.contains("\nUSAGE: " + HindsightCommand.usageString(for: SLAChangeCommand.self) + "\n"))
    }

    /// Every example of every command, joined where it goes on with ` \`, run as a shell would run
    /// it on the demo knowledge base: none is refused as a misuse (exit 64). Some need records the
    /// demo lacks (a service `checkout`, a folder of postmortems) and may be refused for that (exit 1
    /// or 65); none may end any other way, a crash (the shell's 128 + signal) above all.
    @Test func everyExampleParses() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        // The examples that write outside the working folder write into the sandbox instead.
        for folder in ["tmp", "backups"] {
            try FileManager.default.createDirectory(atPath: sandbox.file(folder), withIntermediateDirectories: true)
        }
        let binaryFolder = URL(fileURLWithPath: Hindsight.binaryPath).deletingLastPathComponent().path
        let path = binaryFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var count = 0
        for command in Self.commands.compactMap(Self.command(at:)) {
            for example in Self.joined(Self.exampleLines(command)) {
                // Each program of a pipeline is run on its own: the next program (jq) may be missing,
                // and the shell would report its status instead.
                for segment in Self.unquotedSplit(example, at: "|") {
                    let program = segment.trimmingCharacters(in: .whitespaces)
                    guard program.hasPrefix("hindsight ") else { continue }
                    let script = program.replacingOccurrences(of: " /", with: " " + sandbox.path + "/")
                    let result = try Hindsight.run(["-c", script], home: sandbox.path, directory: sandbox.path,
                                                   environment: ["PATH": path, "HINDSIGHT_DB": db], binary: "/bin/sh")
                    #expect(result.status != 64, "\(example): \(result.stderr)")
                    #expect(result.status != 127, "\(example): the shell found no hindsight: \(result.stderr)")
                    #expect([0, 1, 64, 65].contains(result.status), "\(example): exit \(result.status): \(result.stderr)")
                    count += 1
                }
            }
        }
        #expect(count >= 70, "only \(count) examples found")
    }

    /// Example lines with those ending in ` \` joined to the next, as a shell joins them.
    static func joined(_ lines: [String]) -> [String] {
        var commands: [String] = []
        var pending = ""
        for line in lines {
            let text = pending + line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                pending = String(text.dropLast())
            } else {
                commands.append(text)
                pending = ""
            }
        }
        return commands
    }

    /// `text` split at each `separator` outside single or double quotes.
    static func unquotedSplit(_ text: String, at separator: Character) -> [String] {
        var parts = [""]
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == separator {
                parts.append("")
                continue
            }
            parts[parts.count - 1].append(character)
        }
        return parts
    }
}
