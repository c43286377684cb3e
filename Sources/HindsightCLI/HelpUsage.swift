/// The `USAGE:` line of a command's help, wrapped to the width the rest of the help has.
///
/// Why: the argument parser wraps the overview, the discussion and the options at the terminal's
/// width, but writes the usage as one line, 249 columns for `sla change`, which a terminal then
/// breaks in the middle of an option and its value.
enum HelpUsage {
    /// `help` with its `USAGE: ` line, when longer than `width` columns, broken between options
    /// (an option stays on one line with its value), the continuation lines indented to where the
    /// command's arguments begin, as in a man page's synopsis. Every other line is left as it is.
    static func wrapped(_ help: String, width: Int) -> String {
        let prefix = "USAGE: "
        var lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }), lines[index].count > width else { return help }
        let parts = units(String(lines[index].dropFirst(prefix.count)))
        let command = parts.prefix { $0.first.map { !"[<-".contains($0) } ?? false }
        let arguments = parts.dropFirst(command.count)
        var line = prefix + command.joined(separator: " ")
        // Under the first argument; a command path so long that its arguments would have little room
        // left gets a plain indent instead.
        let longest = arguments.map(\.count).max() ?? 0
        let indent = String(repeating: " ", count: line.count + 1 + longest <= width ? line.count + 1 : prefix.count + 2)
        var wrapped: [String] = []
        for part in arguments {
            if line.count + 1 + part.count > width {
                wrapped.append(line)
                line = indent + part
            } else {
                line += " " + part
            }
        }
        wrapped.append(line)
        lines.replaceSubrange(index...index, with: wrapped)
        return lines.joined(separator: "\n")
    }

    /// The usage's words, with a bracketed group (`[--service <id> ...]`) kept whole and an
    /// option joined to its value (`--title <text>`).
    private static func units(_ usage: String) -> [String] {
        var words: [String] = []
        var word = ""
        var depth = 0
        for character in usage {
            if character == "[" || character == "<" { depth += 1 }
            if character == "]" || character == ">" { depth -= 1 }
            if character == " " && depth == 0 {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        var units: [String] = []
        for word in words {
            if word.hasPrefix("<"), let last = units.last, last.hasPrefix("-") {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
        }
        return units
    }
}
