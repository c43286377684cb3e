/// A failure a command reports to the user: the lines to print on standard error and the exit
/// code from the command-line contract.
public struct CLIError: Error, CustomStringConvertible {
    /// Exit codes of the command-line contract.
    public enum Code: Int32, Sendable {
        /// Not the input's fault: I/O, a locked database after the wait, a bug.
        case failure = 1
        /// The command line itself is wrong.
        case usage = 64
        /// The input data is wrong; nothing was written.
        case dataError = 65
        /// The database was written by a newer hindsight; nothing was written.
        case newerDatabase = 69
    }

    /// The lines to print, one problem each.
    public var lines: [String]
    /// The exit code.
    public var code: Code

    /// A failure with one or more lines.
    public init(_ code: Code, _ lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// A failure with one line.
    public init(_ code: Code, _ line: String) { self.init(code, [line]) }

    /// The lines joined.
    public var description: String { lines.joined(separator: "\n") }
}
