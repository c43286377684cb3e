import ArgumentParser

/// The usage lines for a value a command refused once it was running.
///
/// Why: a value that can only be checked in `run()` (a time zone against the SLA it changes, a
/// date against the incident it belongs to) is reported by a `ValidationError` that reaches the
/// argument parser without the command it came from, which then prints the root's usage,
/// `Usage: hindsight <subcommand>`, where the user needs the subcommand's.
enum CommandUsage {
    /// `error: …` with the first of `problems`, the others on lines of their own, the usage of
    /// `command`, and where its help is: the lines the argument parser prints for a value refused
    /// while parsing.
    static func refusal(_ problems: [String], by command: ParsableCommand.Type) -> CLIError {
        let names = ["hindsight"] + (path(to: command, under: HindsightCommand.self) ?? [])
        let lines = problems.enumerated().map { $0.offset == 0 ? "error: \($0.element)" : $0.element }
        return CLIError(.usage, lines + [
            "Usage: \(HindsightCommand.usageString(for: command))",
            "  See '\(names.joined(separator: " ")) --help' for more information.",
        ])
    }

    /// The subcommand names that lead from `root` to `command`, or nil when it is not among
    /// `root`'s subcommands.
    static func path(to command: ParsableCommand.Type, under root: ParsableCommand.Type) -> [String]? {
        for subcommand in root.configuration.subcommands {
            let name = subcommand.configuration.commandName ?? String(describing: subcommand).lowercased()
            if ObjectIdentifier(subcommand) == ObjectIdentifier(command) { return [name] }
            if let rest = path(to: command, under: subcommand) { return [name] + rest }
        }
        return nil
    }
}
