import ArgumentParser
import Foundation
import HindsightCore

/// Refuses an option that takes one value when it is given more than once, such as
/// `incidents --since 2019-01-01 --since 2019-06-01` or `search --limit 1 --limit 3`.
///
/// Why: the argument parser keeps the last value and drops the others without a word, so a
/// question quietly became a narrower one and exited 0 (`incidents --cause cache --cause deploy`
/// listed only the deploy incidents before `--cause` took several paths). Options that do take
/// several values (`--service`, `--cause`, `--tag`, `--credit`, …) are left to the parser.
enum RepeatedOption {
    /// The usage error for `arguments`, parsed as `command`, when one of its single-value
    /// options is among them more than once; nil otherwise.
    static func problem(in arguments: [String], for command: ParsableCommand.Type) -> CLIError? {
        let repeated = givenValues(in: arguments).filter { $0.values.count > 1 }
        // The parser's description of the command is built only when an option was repeated.
        guard !repeated.isEmpty else { return nil }
        let single = singleValueOptions(of: command)
        guard let (name, values) = repeated.first(where: { single.contains($0.name) }) else { return nil }
        let listed = values.map { $0.map(QuotedValue.quote) ?? "with no value" }.joined(separator: ", then ")
        return CommandUsage.refusal(["--\(name) was given \(values.count) times (\(listed)), but it takes one value; "
                                     + "give it once"], by: command)
    }

    /// The values given to each long option before any `--`, in the order given (nil for an
    /// option written last, with no word after it), the options in the order they first appear,
    /// so that the first one repeated is the one reported.
    private static func givenValues(in arguments: [String]) -> [(name: String, values: [String?])] {
        var given: [(name: String, values: [String?])] = []
        var positions: [String: Int] = [:]
        func add(_ name: String, _ value: String?) {
            if let position = positions[name] {
                given[position].values.append(value)
            } else {
                positions[name] = given.count
                given.append((name, [value]))
            }
        }
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else { continue }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                add(String(body[..<equals]), String(body[body.index(after: equals)...]))
            } else {
                add(String(body), index < arguments.endIndex ? arguments[index] : nil)
            }
        }
        return given
    }

    /// The long names of `command`'s options that take one value, as the parser describes them.
    private static func singleValueOptions(of command: ParsableCommand.Type) -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any],
              let description = object["command"] as? [String: Any],
              let arguments = description["arguments"] as? [[String: Any]] else { return [] }
        var names = Set<String>()
        for argument in arguments where argument["kind"] as? String == "option" && argument["isRepeating"] as? Bool != true {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let long = name["name"] as? String { names.insert(long) }
            }
        }
        return names
    }
}
