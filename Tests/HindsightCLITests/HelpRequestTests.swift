import Foundation
import Testing

/// Help asked for a command that does not exist is refused like the command itself (exit 64),
/// where the argument parser printed the top-level help and exited 0; help for real commands,
/// and `--help` after a command's own arguments, still work.
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
}
