import ArgumentParser
import HindsightCore

/// Rewrites the decoder's problems with a command-line record into messages about options:
/// `objective: 100 is out of range …` becomes `--objective: 100 is out of range …`.
enum CommandLineProblems {
    /// A usage error (exit 64) listing every problem, one per line, each naming its option.
    static func error(_ problems: InterchangeProblems, options: [String: String]) -> OptionProblems {
        OptionProblems(lines: problems.problems.map { message($0.message, options: options) })
    }

    static func message(_ raw: String, options: [String: String]) -> String {
        var text = raw
        if text.hasPrefix(".") { text.removeFirst() }
        if text.hasPrefix(": ") { text.removeFirst(2) }
        if text.hasPrefix("credits["), let close = text.firstIndex(of: "]"),
           let index = Int(text[text.index(text.startIndex, offsetBy: 8)..<close]) {
            let rest = text[text.index(after: close)...]
            let field = rest.hasPrefix(".below") ? " (the level below which it applies)"
                : rest.hasPrefix(".credit_percent") ? " (the credit)" : ""
            let afterField = rest.drop { $0 != ":" }
            return "--credit #\(index + 1)\(field)\(afterField)"
        }
        for (key, option) in options.sorted(by: { $0.key.count > $1.key.count }) {
            if text.hasPrefix(key + ":") {
                text = option + text.dropFirst(key.count)
                break
            }
        }
        for (key, option) in options {
            text = text.replacingOccurrences(of: "missing required key '\(key)'", with: "\(option) is required")
        }
        return text
            .replacingOccurrences(of: "allowed_downtime and objective", with: "--allowed-downtime and --objective")
            .replacingOccurrences(of: "missing allowed_downtime or objective", with: "missing --allowed-downtime or --objective")
            .replacingOccurrences(of: "is before effective_from", with: "is before \(options["effective_from"] ?? "effective_from")")
    }
}
