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

    /// Writes `text`, the confirmation of what a command has saved, to standard output.
    /// - Parameter saved: what was saved (the change, the import, the backup), or nil when the
    ///   command found nothing to change.
    /// - Throws: as ``write(_:)``, but the message says that `saved` was saved all the same: exit 1
    ///   says the output was lost, and a script that took it for "nothing happened" and ran the
    ///   command again would be told the action is already done, or import what is already there.
    static func confirm(_ text: String, saved: String? = "the change") throws {
        do {
            try write(text)
        } catch let failure as CLIError where !failure.lines.isEmpty {
            guard let saved else { throw failure }
            throw CLIError(failure.code, failure.lines.map { "\($0) (\(saved) was saved all the same)" })
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
