import Foundation

/// The width the argument parser wraps help at, found the way it finds it.
enum TerminalWidth {
    /// `COLUMNS` when it holds a positive number, else the width of the terminal standard output is,
    /// else 80 (standard output is a pipe or a file).
    static var columns: Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The narrowest width help is laid out for. The parser sets option names in a column 26 wide
    /// and wraps their descriptions in what is left; at 26 columns or fewer nothing is left, and it
    /// stops (a crash with a backtrace in a debug build, the descriptions dropped in a release one).
    /// A terminal narrower than this breaks the longer lines itself.
    static let narrowestHelp = 40

    /// ``columns``, but never less than ``narrowestHelp``: the width the help is wrapped at, by the
    /// parser and by ``HelpUsage`` alike, so that both agree on it whatever `COLUMNS` holds.
    static var help: Int { max(columns, narrowestHelp) }

    /// Writes ``help`` into `COLUMNS` for the argument parser, which reads the width there (or asks
    /// the terminal) each time it lays out a help, and does so not only to print one: finding the
    /// exit code or the message of a request for help lays it out too. Only the process's own
    /// entry point calls this, since hindsight starts no program that would inherit the value.
    static func settleForParser() {
        setenv("COLUMNS", String(help), 1)
    }
}
