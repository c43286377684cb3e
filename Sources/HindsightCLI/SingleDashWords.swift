/// Refuses a command-line word such as `-cache` before the argument parser sees it.
///
/// Why: hindsight's only short option is `-h`, and the parser reads `-cache` as the short flags
/// `-c -a -c -h -e`. A word with an `h` in it then prints the help and exits 0, so a script that
/// searched for `-health` or gave `--title "-fix hosts"` would carry on as if it had worked; one
/// without an `h` gets a message about something else. No hindsight option is spelt with one dash
/// and more than one letter, so such a word is always a query or a value in the wrong place.
enum SingleDashWords {
    /// The usage error for the first such word before a bare `--`, or nil when there is none.
    /// Numbers such as `-10` are left to the parser, which names the option they were given to.
    static func problem(in arguments: [String]) -> CLIError? {
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2, Double(argument) == nil else { continue }
            return CLIError(.usage, [
                "error: '\(argument)' is not an option (hindsight's options start with --; only -h has one dash)",
                "a value that starts with - is joined to its option by =, as in --title=\(argument)",
                "a search query that starts with - goes after --, as in: hindsight search -- \(argument)",
            ])
        }
        return nil
    }
}
