import HindsightCore

/// Refuses a command-line word such as `-cache` or `-1` before the argument parser sees it.
///
/// Why: hindsight's only short option is `-h`, and the parser reads `-cache` as the short flags
/// `-c -a -c -h -e`. A word with an `h` in it then prints the help and exits 0, so a script that
/// searched for `-health` or gave `--title "-fix hosts"` would carry on as if it had worked; any
/// other such word, a negative number among them, gets a message about something else ("Missing
/// value for '--seed'"). No hindsight option is spelt with one dash and more than one letter, and
/// none takes a negative number, so such a word is always a query or a value in the wrong place.
enum SingleDashWords {
    /// The usage error for the first such word before a bare `--`, or nil when there is none:
    /// how to join it to its option; for `search`, how to search for it; for `import` and `backup`,
    /// how to name such a file. `-` alone (standard input) and `-h` are left alone.
    static func problem(in arguments: [String]) -> CLIError? {
        var previous: String?
        for argument in arguments {
            if argument == "--" { return nil }
            defer { previous = argument }
            guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument != "-", argument != "-h" else { continue }
            // The examples show a long word cut short, as the message quotes it.
            let shown = QuotedValue.shortened(argument)
            let joined: String
            if let option = previous, option.hasPrefix("--"), option.count > 2, !option.contains("=") {
                joined = "if it is the value of \(QuotedValue.shortened(option)), join the two by =: "
                    + "\(QuotedValue.shortened(option))=\(shown)"
            } else {
                joined = "a value that starts with - is joined to its option by =, as in --title=\(shown)"
            }
            var lines = ["error: \(QuotedValue.quote(argument)) is not an option "
                         + "(hindsight's options start with --; only -h has one dash)", joined]
            // Only `search` takes free text, and `import` and `backup` file names, that may start
            // with a dash; elsewhere the hint is noise.
            if arguments.first == "search" {
                lines.append("a search query that starts with - goes after --, as in: hindsight search -- \(shown)")
            } else if let command = arguments.first, ["import", "backup"].contains(command) {
                lines.append("a file whose name starts with - goes after -- or is written with its folder, "
                             + "as in: hindsight \(command) -- \(shown), or ./\(shown)")
            }
            return CLIError(.usage, lines)
        }
        return nil
    }
}
