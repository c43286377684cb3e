import ArgumentParser
import HindsightCore

/// Refuses a command name that does not exist, such as `hindsight actoin`, `hindsight sla ad` or
/// `hindsight help bogus`, before the argument parser sees it, naming the commands there are and
/// the nearest ones to what was typed.
///
/// Why: the parser says only "Unexpected argument 'actoin'" for a mistyped command, as if an
/// argument were wrong, and answers a help request for a command that does not exist
/// (`hindsight help bogus`, `hindsight bogus --help`) with the top-level help and exit 0, so a
/// script or a user who mistyped a command name is told nothing was wrong.
enum UnknownCommand {
    /// The usage error for arguments that name an unknown command, or nil.
    static func problem(in arguments: [String]) -> CLIError? {
        // After `help` every word names a command; otherwise the leading words do, until a command
        // that takes arguments (the rest are its arguments) or the first option.
        let onlyCommands = arguments.first == "help"
        let words = onlyCommands ? arguments.dropFirst() : arguments.prefix { !$0.hasPrefix("-") }[...]
        var command: ParsableCommand.Type = HindsightCommand.self
        var path = "hindsight"
        for (index, word) in zip(words.indices, words) {
            // The parser's own `help` command: `hindsight help help`.
            if word == "help" && path == "hindsight" { return nil }
            let configuration = command.configuration
            if configuration.subcommands.isEmpty {
                guard onlyCommands else { return nil }
                return CLIError(.usage, ["error: \(QuotedValue.quote("\(path) \(word)")) is not a command; "
                                            + "\(path) has no subcommands",
                                         "see '\(path) --help'"])
            }
            let names = configuration.subcommands.map { $0._commandName }
            guard let next = configuration.subcommands.first(where: { $0._commandName == word }) else {
                // A command with a default subcommand passes the word on to it as an argument (the
                // id of `incident ID`), unless the word is a slip for a subcommand's name and is
                // followed by the argument itself (`incident shw ID`): a default subcommand here
                // takes one argument, so the parser would call the second one unexpected. A default
                // subcommand that takes no argument (`maintenance list`) cannot take the word at
                // all, so it is a command name, mistyped; nor can one whose argument has a shape the
                // word lacks (`action change`: an action id holds a `/`).
                let mayBeArgument = !onlyCommands && configuration.defaultSubcommand.map { implied in
                    !(implied is TakesOptionsOnly.Type) && (implied as? RecognisesItsArgument.Type)?.couldBeArgument(word) != false
                } == true
                if mayBeArgument {
                    let followed = words.index(after: index) < words.endIndex
                        || takesAnotherArgument(after: arguments[words.index(after: index)...])
                    guard followed, !nearest(to: word, among: names, byPrefix: false).isEmpty else { return nil }
                }
                return unknown(word, in: path, names: names, byPrefix: !mayBeArgument)
            }
            command = next
            path += " " + word
        }
        return nil
    }

    /// Whether `rest`, the words after a possible argument, hold another argument among their
    /// options (`incident shw --db kb.sqlite ID`). The default subcommands that take an argument
    /// have only options with a value besides the help and the version, so a word is that of the
    /// option before it unless that option is one of those, is joined to its value by `=`, or is
    /// `--` (after which every word is an argument).
    private static func takesAnotherArgument(after rest: ArraySlice<String>) -> Bool {
        var expectsValue = false
        for (index, word) in zip(rest.indices, rest) {
            if expectsValue {
                expectsValue = false
            } else if word == "--" {
                return rest.index(after: index) < rest.endIndex
            } else if word.hasPrefix("-") {
                expectsValue = !word.contains("=") && !["-h", "--help", "--version"].contains(word)
            } else {
                return true
            }
        }
        return false
    }

    /// The error for `word`, which is none of the commands `names` of the command at `path`.
    private static func unknown(_ word: String, in path: String, names: [String], byPrefix: Bool) -> CLIError {
        var lines = ["error: \(QuotedValue.quote("\(path) \(word)")) is not a command; "
                     + "the commands of \(path) are: \(names.joined(separator: ", "))"]
        let near = nearest(to: word, among: names, byPrefix: byPrefix)
        if !near.isEmpty {
            lines.append("did you mean " + near.map { "'\(path) \($0)'" }.joined(separator: " or ") + "?")
        }
        lines.append("see '\(path) --help'")
        return CLIError(.usage, lines)
    }

    /// The names that `word` is probably a slip for, in their order: those it begins (`inc` for
    /// `incident` and `incidents`), or else those at the fewest edits from it (a letter added,
    /// dropped, changed or two swapped), at most one edit for a word of up to four letters and two
    /// for a longer one. Empty when nothing is that close.
    /// - Parameter byPrefix: whether a beginning counts; not where the word may be an id.
    static func nearest(to word: String, among names: [String], byPrefix: Bool = true) -> [String] {
        let typed = word.lowercased()
        let extended = names.filter { byPrefix && typed.count >= 2 && $0.hasPrefix(typed) }
        if !extended.isEmpty { return extended }
        let limit = typed.count <= 4 ? 1 : 2
        let distances = names.map { (name: $0, distance: editDistance(typed, $0)) }
        guard let best = distances.map(\.distance).min(), best <= limit else { return [] }
        return distances.filter { $0.distance == best }.map(\.name)
    }

    /// The optimal string alignment distance between `a` and `b`: the fewest insertions,
    /// deletions, substitutions and swaps of two neighbouring characters that turn one into the other.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
