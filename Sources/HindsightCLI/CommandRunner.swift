import ArgumentParser
import Foundation
import GRDB
import HindsightCore
import HindsightStore

/// Runs the `hindsight` command tree and turns every failure into a message on standard error and
/// an exit code from the command-line contract (0, 1, 64, 65, 69). Nothing it runs crashes on
/// bad input.
public enum CommandRunner {
    /// Parses `arguments` (without the program name), runs the command and returns the exit code.
    public static func run(arguments: [String]) -> Int32 {
        if arguments.first == "---completion" { return complete(arguments) }
        if let problem = SingleDashWords.problem(in: arguments) ?? UnknownCommand.problem(in: arguments) {
            return report(problem)
        }
        do {
            var command = try HindsightCommand.parseAsRoot(arguments)
            if let problem = RepeatedOption.problem(in: arguments, for: type(of: command)) { return report(problem) }
            do {
                try command.run()
            } catch let error as ValidationError {
                return report(CommandUsage.refusal([error.message], by: type(of: command)))
            } catch let error as OptionProblems {
                return report(CommandUsage.refusal(error.lines, by: type(of: command)))
            }
            return 0
        } catch let error as CLIError {
            return report(error)
        } catch {
            if let translated = translate(error) { return report(translated) }
            // The width is given rather than left to the parser, which takes `COLUMNS=0` or a
            // narrow terminal as it is and cannot lay the help out in it.
            let columns = TerminalWidth.help
            let message = HindsightCommand.fullMessage(for: error, columns: columns)
            let code = HindsightCommand.exitCode(for: error).rawValue
            if code == 0 {
                // The help or the version: it is the result, so it goes to standard output.
                let text = HelpUsage.wrapped(message, width: columns)
                do {
                    try Output.write(text.hasSuffix("\n") ? text : text + "\n")
                } catch {
                    return report(error as? CLIError ?? CLIError(.failure, "error: \(error)"))
                }
            } else {
                let text = lowercasedLead(oneLine(HindsightCommand.message(for: error), in: message, arguments: arguments))
                Output.writeError(text.hasSuffix("\n") ? text : text + "\n")
            }
            return code
        }
    }

    /// Answers the shell's request for completions (`---completion SUBCOMMANDS -- ARGUMENT …`, as the
    /// generated scripts call back): the candidates, one a line, and exit 0, or nothing at all.
    /// The words typed so far are the user's unfinished command line, so the checks of a command
    /// line (a single-dash word, an unknown command) are not made on them; and a request the
    /// parser cannot place (a script from another version) gets no candidates, not a message
    /// that would be offered as one.
    private static func complete(_ arguments: [String]) -> Int32 {
        do {
            _ = try HindsightCommand.parseAsRoot(arguments)
        } catch {
            guard HindsightCommand.exitCode(for: error).rawValue == 0 else { return 0 }
            let candidates = HindsightCommand.fullMessage(for: error)
            guard !candidates.isEmpty else { return 0 }
            do {
                try Output.write(candidates + "\n")
            } catch {
                return report(error as? CLIError ?? CLIError(.failure, "error: \(error)"))
            }
        }
        return 0
    }

    /// Runs the command line this process was started with, refusing it (exit 1, nothing done)
    /// when standard output is closed (see ``StandardStreams``). Arguments are checked as the bytes
    /// the system passed: one that is not UTF-8 is refused with exit 64, because Swift's
    /// `CommandLine.arguments` would silently replace its bad bytes with U+FFFD. The argument
    /// parser is given a width it can lay help out in (``TerminalWidth/settleForParser()``).
    public static func runProcessArguments() -> Int32 {
        // Before any file is opened, so that none can take standard output's number.
        if StandardStreams.occupyClosed().contains(STDOUT_FILENO) { return report(StandardStreams.closedOutput) }
        var arguments: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            if let problem = TextEncodingCheck.firstProblem(in: bytes, file: "") {
                return report(CLIError(.usage, "error: argument \(index): \(problem.message); nothing was done"))
            }
            arguments.append(String(decoding: bytes, as: UTF8.self))
        }
        TerminalWidth.settleForParser()
        return run(arguments: arguments)
    }

    /// Writes each of the error's problems on a line of its own: a value echoed in a message (an
    /// id, a key, a file name) may hold a line break or a terminal control, which would split the
    /// problem over two lines or act on the terminal, so such characters are written as escapes.
    private static func report(_ error: CLIError) -> Int32 {
        Output.writeError(error.lines.map { TerminalText.neutralised($0) + "\n" }.joined())
        return error.code.rawValue
    }

    /// `message`, the argument parser's text for an error, with its first line, the `problem`
    /// itself, made safe as ``report(_:)`` does and with each of the `arguments` it quotes whole
    /// quoted as hindsight's own messages quote a value (``QuotedValue``), at most 80 characters
    /// of it; the usage lines after it are the parser's own. A problem the parser wrote over
    /// several lines (the shells a completion script can be made for) keeps its line breaks,
    /// unless an argument holds one: then no break can be told to be the parser's, and all are
    /// escaped.
    static func oneLine(_ problem: String, in message: String, arguments: [String] = []) -> String {
        let shortened = shorteningQuoted(arguments, in: problem)
        let ownBreaks = !arguments.contains { $0.contains { $0.isNewline } }
        let safe = ownBreaks
            ? shortened.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.neutralised(String($0)) }
                .joined(separator: "\n")
            : TerminalText.neutralised(shortened)
        guard safe != problem, let range = message.range(of: problem) else { return message }
        return message.replacingCharacters(in: range, with: safe)
    }

    /// `problem` with every long argument (or the value of a long `--name=value`) that it quotes
    /// in single quotes shortened by ``QuotedValue/quote(_:)``: the parser echoes an unknown
    /// option or an unexpected argument whole, and a runaway one made a line of any length.
    static func shorteningQuoted(_ arguments: [String], in problem: String) -> String {
        let long = arguments.flatMap { argument -> [String] in
            let value = argument.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init)
            return [argument] + (value.map { [$0] } ?? [])
        }.filter { $0.count > QuotedValue.limit }
        // The longest first, so that an argument that holds another is replaced whole.
        return Set(long).sorted { $0.count > $1.count }.reduce(problem) { text, argument in
            text.replacingOccurrences(of: "'\(argument)'", with: QuotedValue.quote(argument))
        }
    }

    /// `text` with the argument parser's `Error: ` at its start written `error: `, as every other
    /// message of hindsight begins, so that one pattern finds them all in a log.
    static func lowercasedLead(_ text: String) -> String {
        guard text.hasPrefix("Error: ") else { return text }
        return "error: " + text.dropFirst("Error: ".count)
    }

    /// Maps the library's errors to messages and exit codes.
    static func translate(_ error: Error) -> CLIError? {
        switch error {
        case let problems as InterchangeProblems:
            return CLIError(.dataError, problems.problems.map(\.description))
        case let error as StoreError:
            switch error {
            case .newerSchema: return CLIError(.newerDatabase, "error: \(error)")
            case .backupRefused: return CLIError(.usage, "error: \(error)")
            case .missingDatabase, .emptyDatabase, .foreignDatabase, .unreadableDatabase, .cannotCreate, .backupFailed: return CLIError(.failure, "error: \(error)")
            }
        case let error as ReportError:
            return CLIError(.dataError, "error: \(error)")
        case let error as ActionError:
            return CLIError(.dataError, "error: \(error)")
        case let error as ActionChangeError:
            return CLIError(.dataError, "error: \(error)")
        case let error as ValueParseError:
            return CLIError(.failure, "error: the knowledge base holds a value this hindsight cannot use: \(error.message)")
        case let error as DatabaseError:
            return CLIError(.failure, "error: database: \(describe(error))")
        case let error as CocoaError:
            return CLIError(.failure, "error: \(error.localizedDescription)")
        default:
            return nil
        }
    }

    private static func describe(_ error: DatabaseError) -> String {
        let file = DatabaseOptions.named.map { "the database file \($0)" } ?? "the database file"
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full; nothing was written"
        case .SQLITE_IOERR:
            // A file size limit (ulimit -f) shows as a failed write once SIGXFSZ is ignored.
            return "could not read or write \(file) (\(error.message ?? "disk I/O error")); check free space, file size limits and the disk; nothing was written"
        case .SQLITE_READONLY: return "\(file) or its folder is read-only; nothing was written"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "\(file) stayed locked by another process for \(Int(KnowledgeBase.busyTimeout)) s; nothing was written, try again"
        case .SQLITE_NOTADB: return "\(file) is not an SQLite database"
        case .SQLITE_CORRUPT:
            // Damage that opening did not reach shows only when a page is read, in any command.
            let doctor = DatabaseOptions.named.map { "'hindsight doctor --db \($0)'" } ?? "'hindsight doctor'"
            return "\(file) is damaged (\(error.message ?? "corrupt")); \(doctor) shows where; restore it from a backup"
        default: return "\(file): \(error.message ?? "\(error.resultCode)")"
        }
    }
}
