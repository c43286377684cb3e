import ArgumentParser

/// Refuses a request for the help of a command that does not exist, such as `hindsight help
/// bogus` or `hindsight bogus --help`, before the argument parser sees it.
///
/// Why: the parser answers both with the top-level help and exit 0, so a script or a user who
/// mistyped a command name is told nothing was wrong. Without a help request an unknown command
/// is already refused with exit 64; this gives the help request the same answer.
enum UnknownCommandHelp {
    /// The usage error for a help request that names an unknown command, or nil.
    static func problem(in arguments: [String]) -> CLIError? {
        let words: ArraySlice<String>
        // After `help` every word names a command; before `--help` a word may be an argument.
        let onlyCommands = arguments.first == "help"
        if onlyCommands {
            words = arguments.dropFirst()
        } else if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
            words = arguments.prefix { !$0.hasPrefix("-") }[...]
        } else {
            return nil
        }
        var command: ParsableCommand.Type = HindsightCommand.self
        var path = "hindsight"
        for word in words {
            // The parser's own `help` command: `hindsight help help`.
            if word == "help" && path == "hindsight" { return nil }
            let configuration = command.configuration
            if configuration.subcommands.isEmpty {
                guard onlyCommands else { return nil }
                return CLIError(.usage, ["error: '\(path) \(word)' is not a command; \(path) has no subcommands",
                                         "see '\(path) --help'"])
            }
            // A command with a default subcommand passes the word on to it as an argument.
            if configuration.defaultSubcommand != nil && !onlyCommands { return nil }
            guard let next = configuration.subcommands.first(where: { $0._commandName == word }) else {
                let names = configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
                return CLIError(.usage, ["error: '\(path) \(word)' is not a command; the commands of \(path) are: \(names)",
                                         "see '\(path) --help'"])
            }
            command = next
            path += " " + word
        }
        return nil
    }
}
