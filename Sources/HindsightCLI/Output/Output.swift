import Foundation
import HindsightStore

/// Writes to standard output and standard error, unbuffered by Swift's `print`, so that the
/// two streams stay in order and a result reaches a pipe whole.
enum Output {
    /// Writes `text` to standard output.
    /// - Throws: a ``CLIError`` (exit 1) when it cannot be written, e.g. to a full disk; Foundation's
    ///   non-throwing `write(_:)` would stop the process with a trap instead.
    static func write(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            throw writeFailure(error)
        }
    }

    /// The error a command ends with when standard output refused `error`'s write: exit 1 with
    /// the system's reason ("No space left on device"). A reader that closed the pipe early
    /// (`| head`) stopped on purpose and reads no more, so that exit 1 has no message.
    static func writeFailure(_ error: Error) -> CLIError {
        if SystemErrorText.posixCode(error) == EPIPE { return CLIError(.failure, []) }
        return CLIError(.failure, "error: could not write to standard output: \(SystemErrorText.reason(error))")
    }

    /// Writes `text` to standard error. A failure there has nowhere to be reported, so it is dropped.
    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
