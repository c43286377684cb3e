import Foundation
import HindsightStore

/// The standard input, output and error the process was started with, checked before anything
/// else runs. A closed one is dangerous, not only useless: its number is the lowest free, so the
/// next file hindsight opens (the lock beside the database, an input file) would get it, and the
/// results meant for standard output would go into that file, or fail with whatever that file
/// makes of a write ("Invalid argument" for an event descriptor of the runtime's).
enum StandardStreams {
    /// Opens `/dev/null` on each of descriptors 0, 1 and 2 that is closed, so that no file can
    /// take their numbers, and returns those that were closed. Each is opened the wrong way round
    /// (standard input for writing, the others for reading), so that using it still fails with
    /// "Bad file descriptor", as the closed descriptor did.
    static func occupyClosed() -> [Int32] {
        var closed: [Int32] = []
        defer { closedAtStart = Set(closed) }
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closed.append(descriptor)
            // The lowest free number is this one: the ones below it are open or were just filled.
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != descriptor { close(opened) }
        }
        return closed
    }

    /// The standard descriptors that ``occupyClosed()`` found closed. Once filled, they cannot be
    /// told from a file that was open from the start, nor can the names that reopen them
    /// (`/dev/stdin`), which lead to the placeholder.
    private(set) static var closedAtStart: Set<Int32> = []

    /// The names by which a process reopens its own standard input.
    private static let standardInputNames: Set<String> = ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0",
                                                          "/proc/\(getpid())/fd/0"]

    /// Whether `path` reopens standard input: it is one of the names the system gives it, or a
    /// symbolic link that leads (through other links) to one of them. Reopened while standard
    /// input was closed at start-up, it would read the `/dev/null` placeholder, and the input
    /// would be refused as empty rather than as missing.
    static func namesStandardInput(_ path: String) -> Bool {
        var current = path
        // As many links as Linux follows; a loop is not standard input.
        for _ in 0...SymbolicLinks.limit {
            if standardInputNames.contains(current) { return true }
            guard let target = SymbolicLinks.target(ofLink: current) else { return false }
            // A relative target is read from the folder that holds the link.
            current = target.hasPrefix("/") ? target
                : (ContainingFolder.of(current) as NSString).appendingPathComponent(target)
        }
        return false
    }

    /// The refusal when standard output is closed: the results would be lost, so nothing is done.
    static let closedOutput = CLIError(.failure, [
        "error: standard output is closed, so the results could not be printed; nothing was done",
        "give hindsight a standard output: a file, a pipe, or > /dev/null to discard the results",
    ])

    /// The refusal when `import -` finds standard input closed (or open only for writing), or
    /// `import NAME` names it (`/dev/stdin`) after it was closed at start-up: there is no input to
    /// read, which is the input's fault (exit 65), as a file that does not exist.
    static func closedInput(_ name: String = "-") -> CLIError {
        CLIError(.dataError, [
            "error: standard input is closed, so '\(name)' has nothing to import; nothing was written",
            "give the file by name (hindsight import FILE) or pipe it in (hindsight import - < FILE, or COMMAND | hindsight import -)",
        ])
    }
}
