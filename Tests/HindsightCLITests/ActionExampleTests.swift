import Foundation
import Testing

/// The examples that `hindsight action … --help` and the README's `hindsight action` section give
/// run on the demo knowledge base as shown: they name its incidents, factors and actions, so a
/// reader who tries them after `hindsight demo` gets what they promise, not an exit 65.
struct ActionExampleTests {
    /// Each help example on a fresh demo of its own: the help of one subcommand shows each example
    /// on its own, not as steps that build on each other.
    @Test(arguments: ["add", "update", "done", "show"])
    func helpExamplesRunOnTheDemo(_ subcommand: String) throws {
        let sandbox = try Sandbox()
        // Wide enough that the help keeps each example on its own lines.
        let help = try Hindsight.run(["action", subcommand, "--help"], home: sandbox.path, environment: ["COLUMNS": "1000"])
        #expect(help.status == 0)
        let examples = Self.commands(in: help.stdout)
        #expect(!examples.isEmpty, "no examples in the help of action \(subcommand)")
        for example in examples {
            let (demo, db) = try Sandbox.withDemo()
            let result = try Hindsight.run(Array(example.dropFirst()) + ["--db", db], home: demo.path)
            #expect(result.status == 0, "\(example.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(example.joined(separator: " ")): \(result.stderr)")
        }
    }

    /// The README's examples are steps on one action: added, picked up, done, shown.
    @Test func readmeExamplesRunOnTheDemoInOrder() throws {
        let readme = try String(contentsOfFile: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md").path, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### `hindsight action`\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let examples = Self.commands(in: block)
        #expect(examples.count >= 4)
        let (sandbox, db) = try Sandbox.withDemo()
        for example in examples {
            let result = try Hindsight.run(Array(example.dropFirst()) + ["--db", db], home: sandbox.path)
            #expect(result.status == 0, "\(example.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(example.joined(separator: " ")): \(result.stderr)")
        }
    }

    /// The `hindsight …` command lines in `text`, a trailing `\` joining a line to the next, each
    /// split into words as a shell would split these (spaces, and '…' or "…" quoting).
    static func commands(in text: String) -> [[String]] {
        var lines: [String] = []
        var pending: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let joined = pending.map { $0 + " " + line } ?? line
            if joined.hasSuffix("\\") {
                pending = String(joined.dropLast())
                continue
            }
            pending = nil
            if joined.hasPrefix("hindsight ") { lines.append(joined) }
        }
        return lines.map(words)
    }

    private static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
