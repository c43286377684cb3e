import ArgumentParser
import Foundation
import Testing
@testable import HindsightCLI

/// The help of every command fits the width the argument parser wraps it at.
struct HelpTextTests {
    /// The usage line, which the parser writes whole however long, is broken between options, each
    /// option kept with its value.
    @Test func aLongUsageIsWrappedBetweenOptions() throws {
        let sandbox = try Sandbox()
        let help = try Hindsight.run(["sla", "change", "--help"], home: sandbox.path, environment: ["COLUMNS": "80"])
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
        #expect(wide.stdout.contains("\nUSAGE: " + HindsightCommand.usageString(for: SLAChangeCommand.self) + "\n"))
    }
}
