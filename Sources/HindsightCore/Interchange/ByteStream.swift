/// Bytes pulled chunk by chunk from a source, with the line, column (in Unicode scalars) and
/// byte offset of the next byte, and the ability to cut out a run of bytes that spans chunks.
final class ByteStream {
    private let read: () throws -> [UInt8]?
    private var chunk: [UInt8] = []
    private var index = 0
    private var ended = false
    /// Bytes cut so far from earlier chunks, and where the cut starts in the current chunk.
    private var captured: [UInt8]?
    private var captureStart = 0

    /// The line of the next byte, from 1.
    private(set) var line = 1
    /// The column of the next byte, from 1, in Unicode scalars.
    private(set) var column = 1
    /// The offset of the next byte in the whole input.
    private(set) var offset = 0
    /// The offset of the text's first byte: past a byte order mark (``skipByteOrderMark()``).
    private(set) var textStart = 0

    /// `read` returns the next chunk, or nil at the end.
    init(read: @escaping () throws -> [UInt8]?) { self.read = read }

    /// The next byte without consuming it; nil at the end.
    @inline(__always)
    func peek() throws -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    /// Consumes the byte `peek` returned.
    ///
    /// Lines end where YAML ends them, so that positions agree with Yams's: at a line feed, a
    /// carriage return (a CR LF pair ends one line), and the characters NEL (U+0085), LINE
    /// SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
    @inline(__always)
    func advance() {
        let byte = chunk[index]
        index += 1
        offset += 1
        switch byte {
        case 0x0A:
            if previous != 0x0D { line += 1 }
            column = 1
        case 0x0D:
            line += 1
            column = 1
        case 0x85 where previous == 0xC2:
            line += 1
            column = 1
        case 0xA8 where previous == 0x80 && beforePrevious == 0xE2,
             0xA9 where previous == 0x80 && beforePrevious == 0xE2:
            line += 1
            column = 1
        default:
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        beforePrevious = previous
        previous = byte
    }

    /// The last two bytes consumed, to recognise a CR LF pair and the multi-byte line breaks.
    private var previous: UInt8 = 0
    private var beforePrevious: UInt8 = 0

    /// Consumes a UTF-8 byte order mark at the very start of the input, if there is one, without
    /// counting it as a column: YAML allows one there, editors show none, and the positions of what
    /// follows must be those an editor shows. The offset still counts its bytes, as the file does.
    func skipByteOrderMark() throws {
        guard offset == 0 else { return }
        // The first chunks may be shorter than the mark.
        while chunk.count - index < 3, !ended {
            guard let next = try read() else {
                ended = true
                break
            }
            chunk = Array(chunk[index...]) + next
            index = 0
        }
        guard chunk.count - index >= 3, chunk[index] == 0xEF, chunk[index + 1] == 0xBB, chunk[index + 2] == 0xBF
        else { return }
        index += 3
        offset += 3
        textStart = 3
    }

    /// Starts cutting at the next byte.
    func startCapture() {
        captured = []
        captureStart = index
    }

    /// The bytes consumed since `startCapture`.
    func endCapture() -> [UInt8] {
        var bytes = captured ?? []
        bytes.append(contentsOf: chunk[captureStart..<index])
        captured = nil
        return bytes
    }

    /// Consumes bytes up to and including the next line feed (or the end).
    func skipLine() throws {
        while let byte = try peek() {
            advance()
            if byte == 0x0A { return }
        }
    }

    /// Consumes a double-quoted string whose opening quote is the next byte, escapes included.
    /// - Returns: false when the input ends inside it.
    func skipQuoted() throws -> Bool {
        advance()
        var escaped = false
        while true {
            if index == chunk.count, !(try refill()) { return false }
            // The tight loop of the scan: long texts are most of a large file.
            let end = chunk.count
            while index < end {
                let byte = chunk[index]
                advance()
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    return true
                }
            }
        }
    }

    private func refill() throws -> Bool {
        if ended { return false }
        if captured != nil {
            captured?.append(contentsOf: chunk[captureStart...])
            captureStart = 0
        }
        while let next = try read() {
            if next.isEmpty { continue }
            chunk = next
            index = 0
            return true
        }
        chunk = []
        index = 0
        ended = true
        return false
    }
}
