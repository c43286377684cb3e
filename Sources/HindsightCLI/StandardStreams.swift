import Foundation

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
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closed.append(descriptor)
            // The lowest free number is this one: the ones below it are open or were just filled.
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != descriptor { close(opened) }
        }
        return closed
    }

    /// The refusal when standard output is closed: the results would be lost, so nothing is done.
    static let closedOutput = CLIError(.failure, [
        "error: standard output is closed, so the results could not be printed; nothing was done",
        "give hindsight a standard output: a file, a pipe, or > /dev/null to discard the results",
    ])

    /// The refusal when `import -` finds standard input closed (or open only for writing): there
    /// is no input to read, which is the input's fault (exit 65), as a file that does not exist.
    static let closedInput = CLIError(.dataError, [
        "error: standard input is closed, so '-' has nothing to import; nothing was written",
        "give the file by name (hindsight import FILE) or pipe it in (hindsight import - < FILE, or COMMAND | hindsight import -)",
    ])
}
