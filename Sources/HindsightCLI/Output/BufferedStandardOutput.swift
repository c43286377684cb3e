import Foundation

/// Standard output through a 64 KiB buffer: one write call per buffer rather than per record.
/// A failed write (a closed pipe, a full disk) is kept and ends the writing; the caller reports it.
struct BufferedStandardOutput: TextOutputStream {
    private static let capacity = 65_536
    private var buffer: [UInt8] = []
    /// The first write error, if any.
    private var failure: Error?

    init() {
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Throws the command's error for the first failed write, if any (see ``Output/writeFailure(_:)``),
    /// so that a long output stops at the failure rather than being made to the end.
    func checkWritten() throws {
        if let failure { throw Output.writeFailure(failure) }
    }

    /// Writes out what is buffered, then throws as ``checkWritten()`` does.
    mutating func finish() throws {
        flush()
        try checkWritten()
    }
}
