/// Checks raw input bytes before any parser sees them: they must be UTF-8 without NUL, because
/// converting invalid bytes would silently replace them and SQLite would silently cut text at a NUL.
public enum TextEncodingCheck {
    /// The location of the first invalid UTF-8 sequence or NUL byte, with a message, or nil when
    /// the bytes are clean. `start` is where `bytes` begin in the file (line, column and byte
    /// offset), for bytes cut out of a larger file.
    ///
    /// With `document`, the bytes are an interchange document, and the characters YAML does not
    /// allow raw are refused too: control characters other than tab, line feed and carriage
    /// return, and the noncharacters U+FFFE and U+FFFF. The YAML parser refuses them as well, but
    /// with a message of several lines that places them at the file's start. NEL (U+0085) is a
    /// control character YAML does allow raw, but as a line break, which it folds into a space
    /// inside a quoted string: taken raw, the text stored would differ from the text written.
    public static func firstProblem(in bytes: [UInt8], file: String,
                                    start: (line: Int, column: Int, offset: Int) = (1, 1, 0),
                                    document: Bool = false) -> InterchangeProblem? {
        var line = start.line
        var column = start.column
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    return InterchangeProblem(SourceLocation(file: file, line: line, column: column),
                                              "NUL character (byte 0x00 at offset \(start.offset + index)); text may not contain NUL")
                }
                if document && (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F) {
                    return rawCharacterProblem(UInt32(byte), SourceLocation(file: file, line: line, column: column))
                }
                // Lines end where YAML ends them, as in ByteStream: a CR LF pair ends one.
                switch byte {
                case 0x0A:
                    if index == 0 || bytes[index - 1] != 0x0D { line += 1 }
                    column = 1
                case 0x0D:
                    line += 1
                    column = 1
                default:
                    column += 1
                }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: length = 0; minimum = 0; scalar = 0
            }
            var valid = length > 0 && index + length <= count
            if valid {
                for offset in 1..<length {
                    let next = bytes[index + offset]
                    guard next & 0xC0 == 0x80 else { valid = false; break }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
            }
            if valid && (scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) {
                valid = false
            }
            guard valid else {
                let hex = String(byte, radix: 16, uppercase: true)
                return InterchangeProblem(SourceLocation(file: file, line: line, column: column),
                                          "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(start.offset + index)); the input must be UTF-8")
            }
            if document && ((0x80...0x9F).contains(scalar) || scalar == 0xFFFE || scalar == 0xFFFF) {
                return rawCharacterProblem(scalar, SourceLocation(file: file, line: line, column: column))
            }
            // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for YAML too.
            if scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029 {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// The message for a character a document may not hold raw, naming it and how to write it.
    private static func rawCharacterProblem(_ scalar: UInt32, _ location: SourceLocation) -> InterchangeProblem {
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let kind = scalar >= 0xFFFE ? "noncharacter" : "control character"
        let allowed = scalar >= 0xFFFE ? "" : " (tab, line feed and carriage return may appear raw)"
        return InterchangeProblem(location, "\(kind) U+\(code) may not appear raw in an interchange file; write it "
                                      + "as the escape \\u\(code) inside a double-quoted string\(allowed)")
    }
}
