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
}
