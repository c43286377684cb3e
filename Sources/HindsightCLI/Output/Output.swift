import Foundation

/// Writes to standard output and standard error, unbuffered by Swift's `print`, so that the
/// two streams stay in order and a result reaches a pipe whole.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
