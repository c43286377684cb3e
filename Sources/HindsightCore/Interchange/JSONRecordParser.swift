/// Reads one record of a JSON interchange file into an ``InterchangeNode`` without going through
/// YAML, giving every node the position Yams would have given it.
///
/// It reads the JSON that programs write (`export`, `generate`, other tools) and nothing else: it
/// returns nil, and the caller hands the record to Yams, for anything a YAML parser could read
/// differently or would refuse: a duplicate key, an escape YAML does not share, a character YAML
/// does not allow or reads as a line break, a key too long to be a YAML simple key, nesting deeper
/// than `maximumDepth`, a lone carriage return, or anything that is not JSON. So for any record it
/// accepts, the decoders see exactly what they would have seen from Yams, and for any other
/// record the problems reported are Yams's. The one exception is a UTF-16 surrogate pair escape
/// (`\ud83d\ude00`), which JSON writers use for characters beyond U+FFFF (RFC 8259, section 7)
/// and YAML refuses: it is read here as the character it stands for. A lone half of a pair is no
/// character, and is left to Yams, which refuses it.
enum JSONRecordParser {
    /// Deeper records are left to Yams.
    static let maximumDepth = 64
    /// libyaml refuses a key that runs on for more than 1024 characters before its colon.
    static let maximumKeySpan = 1000

    /// The node `bytes` hold, positioned as if its first byte were at line 1, column `startColumn`;
    /// nil when the record must be read by Yams.
    static func parse(_ bytes: [UInt8], startColumn: Int) -> InterchangeNode? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, startColumn: startColumn)
            guard reader.skipBlankSpace(),
                  let node = reader.value(depth: 0),
                  reader.skipBlankSpace(),
                  reader.index == buffer.count
            else { return nil }
            return node
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        /// The column at `columnIndex`, counted forward in Unicode scalars as positions are asked for.
        var column: Int
        var columnIndex = 0

        init(bytes: UnsafeBufferPointer<UInt8>, startColumn: Int) {
            self.bytes = bytes
            self.column = startColumn
        }

        /// The position of `index`. Positions are asked for in increasing order within a line.
        mutating func position() -> TextPosition {
            while columnIndex < index {
                if bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
                columnIndex += 1
            }
            return TextPosition(line: line, column: column)
        }

        /// Skips spaces, tabs and line breaks; false on a lone carriage return.
        mutating func skipBlankSpace() -> Bool {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09:
                    index += 1
                case 0x0A:
                    index += 1
                    startLine()
                case 0x0D:
                    guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return false }
                    index += 2
                    startLine()
                default:
                    return true
                }
            }
            return true
        }

        private mutating func startLine() {
            line += 1
            column = 1
            columnIndex = index
        }

        mutating func value(depth: Int) -> InterchangeNode? {
            guard depth < JSONRecordParser.maximumDepth, index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return mapping(depth: depth)
            case UInt8(ascii: "["): return sequence(depth: depth)
            case UInt8(ascii: "\""):
                let position = position()
                guard let text = string() else { return nil }
                return .scalar(.init(string: text, isPlain: false, position: position))
            default:
                let position = position()
                guard let text = plainScalar() else { return nil }
                return .scalar(.init(string: text, isPlain: true, position: position))
            }
        }

        private mutating func mapping(depth: Int) -> InterchangeNode? {
            let position = position()
            index += 1
            var pairs: [(key: InterchangeNode, value: InterchangeNode)] = []
            // A set, not a search of `pairs`: a mapping of many keys must not cost their square.
            var keys: Set<String> = []
            guard skipBlankSpace(), index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .mapping(pairs, position)
            }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                let keyStart = index
                let keyLine = line
                let keyPosition = self.position()
                guard let key = string(), skipBlankSpace(),
                      line == keyLine, index - keyStart <= JSONRecordParser.maximumKeySpan,
                      index < bytes.count, bytes[index] == UInt8(ascii: ":")
                else { return nil }
                index += 1
                guard skipBlankSpace(), let value = value(depth: depth + 1), skipBlankSpace() else { return nil }
                // A duplicate key is Yams's to report.
                guard keys.insert(key).inserted else { return nil }
                pairs.append((key: .scalar(.init(string: key, isPlain: false, position: keyPosition)), value: value))
                guard let closed = endOfItem(closing: UInt8(ascii: "}")) else { return nil }
                if closed { return .mapping(pairs, position) }
            }
        }

        private mutating func sequence(depth: Int) -> InterchangeNode? {
            let position = position()
            index += 1
            var items: [InterchangeNode] = []
            guard skipBlankSpace(), index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .sequence(items, position)
            }
            while true {
                guard let item = value(depth: depth + 1), skipBlankSpace() else { return nil }
                items.append(item)
                guard let closed = endOfItem(closing: UInt8(ascii: "]")) else { return nil }
                if closed { return .sequence(items, position) }
            }
        }

        /// After an item and its blank space: true at `closing` (consumed), false at a comma
        /// (consumed with the blank space after it), nil at anything else.
        private mutating func endOfItem(closing: UInt8) -> Bool? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case closing:
                index += 1
                return true
            case UInt8(ascii: ","):
                index += 1
                return skipBlankSpace() ? false : nil
            default:
                return nil
            }
        }

        /// A number, `true`, `false` or `null`, followed by what may end a value.
        private mutating func plainScalar() -> String? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]) {
                guard skipNumber() else { return nil }
            } else {
                while index < bytes.count, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
                    index += 1
                }
            }
            guard index == bytes.count || endsValue(bytes[index]) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            switch bytes[start] {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return text
            default: return text == "true" || text == "false" || text == "null" ? text : nil
            }
        }

        /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        private mutating func skipNumber() -> Bool {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                skipDigits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { return false }
                skipDigits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { return false }
                skipDigits()
            }
            return true
        }

        private mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private func endsValue(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): return true
            default: return false
            }
        }

        /// A double-quoted string with JSON's escapes; nil for anything YAML might read otherwise.
        private mutating func string() -> String? {
            index += 1
            let start = index
            var decoded: [UInt8]?
            var runStart = start
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                    index += 1
                    guard var decoded else { return String(decoding: run, as: UTF8.self) }
                    decoded.append(contentsOf: run)
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    var buffer = decoded ?? []
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    guard unescape(into: &buffer) else { return nil }
                    decoded = buffer
                    runStart = index
                case 0x00..<0x20, 0x7F:
                    // Raw control characters: not JSON, and YAML treats some of them otherwise.
                    return nil
                case 0xC2:
                    // U+0080 to U+009F: YAML refuses most of them and reads U+0085 as a line break.
                    guard index + 1 < bytes.count, bytes[index + 1] >= 0xA0 else { return nil }
                    index += 2
                case 0xE2:
                    // U+2028 and U+2029 are line breaks to YAML.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80,
                       bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return nil }
                    index += 1
                case 0xEF:
                    // U+FEFF (a byte order mark), U+FFFE and U+FFFF.
                    if index + 2 < bytes.count,
                       (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                        || (bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)) {
                        return nil
                    }
                    index += 1
                default:
                    index += 1
                }
            }
            return nil
        }

        /// Appends the character the escape at `index` stands for and moves past it.
        private mutating func unescape(into buffer: inout [UInt8]) -> Bool {
            guard index + 1 < bytes.count else { return false }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                guard var value = hexCode() else { return false }
                if (0xD800...0xDBFF).contains(value) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { return false }
                    index += 2
                    guard let low = hexCode(), (0xDC00...0xDFFF).contains(low) else { return false }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                // A low surrogate with no high one before it is no character.
                guard let scalar = Unicode.Scalar(value) else { return false }
                UTF8.encode(scalar) { buffer.append($0) }
            default:
                return false
            }
            return true
        }

        /// The four hex digits of a `\u` escape at `index`, moving past them.
        private mutating func hexCode() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = hexValue(bytes[index]) else { return nil }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        private func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }
}
