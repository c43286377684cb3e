import Foundation
import Testing

/// A command name that does not exist is refused with exit 64, naming the commands there are and
/// the nearest ones to what was typed, where the argument parser said only "Unexpected argument";
/// help asked for such a command is refused the same way, where the parser printed the top-level
/// help and exited 0. Help for real commands, and `--help` after a command's own arguments, still
/// work, and so does an id given to a command whose subcommand is implied (`incident ID`).
struct HelpRequestTests {
    @Test(arguments: [
        (["help", "bogus"], "error: 'hindsight bogus' is not a command; the commands of hindsight are: demo, init, import,"),
        (["bogus", "--help"], "error: 'hindsight bogus' is not a command;"),
        (["sla", "bogus", "-h"], "error: 'hindsight sla bogus' is not a command; the commands of hindsight sla are: add, change"),
        (["help", "maintenance", "bogus"], "error: 'hindsight maintenance bogus' is not a command; the commands of hindsight maintenance are: list,"),
        (["help", "incidents", "extra"], "error: 'hindsight incidents extra' is not a command; hindsight incidents has no subcommands"),
    ])
    func helpForAnUnknownCommandExits64(arguments: [String], message: String) throws {
        let sandbox = try Sandbox()
        let result = try Hindsight.run(arguments, home: sandbox.path)
        #expect(result.status == 64, "\(arguments)")
        #expect(result.stdout.isEmpty, "\(arguments)")
        #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
    }

    static let topLevelCommands = "demo, init, import, export, services, incidents, incident, search, causes, similar, report, "
        + "budget, sla, maintenance, action, actions, followup, gaps, generate, doctor, backup"

    @Test(arguments: [
        // Two letters swapped, the one nearest; the prefix of two commands, both; a letter dropped.
        (["actoin"], "error: 'hindsight actoin' is not a command; the commands of hindsight are: \(topLevelCommands)\n"
            + "did you mean 'hindsight action'?\nsee 'hindsight --help'\n"),
        (["inc", "--cause", "cache"], "error: 'hindsight inc' is not a command; the commands of hindsight are: \(topLevelCommands)\n"
            + "did you mean 'hindsight incidents' or 'hindsight incident'?\nsee 'hindsight --help'\n"),
        (["reprot", "--quarter", "2019Q4"], "error: 'hindsight reprot' is not a command; the commands of hindsight are: \(topLevelCommands)\n"
            + "did you mean 'hindsight report'?\nsee 'hindsight --help'\n"),
        (["sla", "ad", "url-shortener"], "error: 'hindsight sla ad' is not a command; the commands of hindsight sla are: add, change, remove\n"
            + "did you mean 'hindsight sla add'?\nsee 'hindsight sla --help'\n"),
        // Nothing near: the list alone.
        (["bogus"], "error: 'hindsight bogus' is not a command; the commands of hindsight are: \(topLevelCommands)\n"
            + "see 'hindsight --help'\n"),
        // Where the subcommand is implied, a slip for its name followed by the id.
        (["incident", "shw", "2023-05-16-url-shortener-json-load"],
         "error: 'hindsight incident shw' is not a command; the commands of hindsight incident are: show, remove\n"
            + "did you mean 'hindsight incident show'?\nsee 'hindsight incident --help'\n"),
        // The same with options before the id, as the README writes them.
        (["incident", "shw", "--db", "kb.sqlite", "--format=json", "2023-05-16-url-shortener-json-load"],
         "error: 'hindsight incident shw' is not a command; the commands of hindsight incident are: show, remove\n"
            + "did you mean 'hindsight incident show'?\nsee 'hindsight incident --help'\n"),
        (["incident", "shw", "--format", "json", "--", "2023-05-16-url-shortener-json-load"],
         "error: 'hindsight incident shw' is not a command; the commands of hindsight incident are: show, remove\n"
            + "did you mean 'hindsight incident show'?\nsee 'hindsight incident --help'\n"),
        (["action", "dnoe", "2023-05-16-url-shortener-json-load/fix"],
         "error: 'hindsight action dnoe' is not a command; the commands of hindsight action are: show, add, update, done\n"
            + "did you mean 'hindsight action done'?\nsee 'hindsight action --help'\n"),
        // An action id holds a '/', so a word without one is a command name even with nothing
        // after it; it was refused as a bad id, and before --help answered with show's help.
        (["action", "change", "--help"], "error: 'hindsight action change' is not a command; "
            + "the commands of hindsight action are: show, add, update, done\nsee 'hindsight action --help'\n"),
        (["action", "dnoe"], "error: 'hindsight action dnoe' is not a command; the commands of hindsight action are: show, add, "
            + "update, done\ndid you mean 'hindsight action done'?\nsee 'hindsight action --help'\n"),
        // Where the implied subcommand takes no argument, any word is a command name: a slip for
        // one, or its beginning, even with nothing after it.
        (["maintenance", "lst"], "error: 'hindsight maintenance lst' is not a command; "
            + "the commands of hindsight maintenance are: list, add, change, remove\n"
            + "did you mean 'hindsight maintenance list'?\nsee 'hindsight maintenance --help'\n"),
        (["maintenance", "rem", "--service", "url-shortener"], "error: 'hindsight maintenance rem' is not a command; "
            + "the commands of hindsight maintenance are: list, add, change, remove\n"
            + "did you mean 'hindsight maintenance remove'?\nsee 'hindsight maintenance --help'\n"),
    ])
    func aMistypedCommandIsNamedWithTheNearestOnes(arguments: [String], message: String) throws {
        let sandbox = try Sandbox()
        let result = try Hindsight.run(arguments, home: sandbox.path)
        #expect(result.status == 64, "\(arguments)")
        #expect(result.stdout.isEmpty, "\(arguments)")
        #expect(result.stderr == message, "\(arguments)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).isEmpty, "\(arguments)")
    }

    /// An id in the place of the implied subcommand's name is the subcommand's argument, even an
    /// id near a subcommand's name, when nothing follows it.
    @Test func anIdWhereTheSubcommandIsImpliedIsShown() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let shown = try sandbox.run("incident", "2023-05-16-url-shortener-json-load", "--db", db)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("URL shortener down for 23 minutes"))
        // `shows` is one edit from `show`, but is taken as an id: there is no such incident.
        let unknown = try sandbox.run("incident", "shows", "--db", db)
        #expect(unknown.status == 65, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("shows"), "\(unknown.stderr)")
    }

    @Test(arguments: [
        (["help"], "OVERVIEW: A reliability knowledge base"),
        (["--help"], "OVERVIEW: A reliability knowledge base"),
        (["help", "maintenance", "list"], "OVERVIEW: List maintenance windows"),
        (["incidents", "--help"], "OVERVIEW: List incidents"),
        // Words before --help that are a command's arguments, not subcommands.
        (["search", "health", "check", "--help"], "OVERVIEW: Find past incidents"),
        (["action", "some-incident/some-action", "--help"], "OVERVIEW: Show one action"),
    ])
    func helpForARealCommandExits0(arguments: [String], start: String) throws {
        let sandbox = try Sandbox()
        let result = try Hindsight.run(arguments, home: sandbox.path)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.hasPrefix(start), "\(arguments): \(result.stdout.prefix(80))")
    }

    /// `--since` and `--until` are shared by `incidents`, `search` and `causes`, but `causes` also
    /// keeps an incident that started before the period and had an impact in it: the options' help
    /// leaves that to each command's description, which says it, rather than claiming for all three
    /// that only the start counts.
    @Test func eachCommandSaysWhichIncidentsItsPeriodKeeps() throws {
        let sandbox = try Sandbox()
        func help(_ command: String) throws -> String {
            let result = try Hindsight.run([command, "--help"], home: sandbox.path)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            // The parser wraps lines at 80 columns; joined, the sentences can be searched for whole.
            return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let causes = try help("causes")
        #expect(causes.contains("an incident belongs to the period when it started in it or had an impact in it"))
        #expect(!causes.contains("started on or after"), "\(causes)")
        for command in ["incidents", "search"] {
            #expect(try help(command).contains("--since and --until are UTC days (inclusive) on which the incident started"), "\(command)")
        }
    }
}
