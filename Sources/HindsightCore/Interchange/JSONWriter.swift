/// Writes a ``StructuredValue`` as JSON: UTF-8, keys in the tree's order, two-space indentation,
/// whole numbers without a fraction, non-ASCII text as is, and escaped: control characters (C0,
/// DEL and C1, NEL among them), the noncharacters U+FFFE and U+FFFF, which YAML readers (the
/// importer's among them) refuse raw even inside JSON, and LINE SEPARATOR and PARAGRAPH SEPARATOR,
/// which they read as line breaks, dropping the blank space around them.
public enum JSONWriter {
    /// The JSON text, ending in a newline.
    public static func string(_ value: StructuredValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output += "\n"
        return output
    }

    /// `value` as JSON with no final newline, laid out as it would be at nesting depth `depth`
    /// of a larger document, so that a long document can be written one record at a time.
    public static func fragment(_ value: StructuredValue, depth: Int) -> String {
        var output = ""
        write(value, indent: depth, into: &output)
        return output
    }

    /// Writes the list of `items` to `output` as ``string(_:)`` writes `.sequence(items)`, one
    /// item at a time, so that a long listing is never held as one text as well.
    public static func writeList<Output: TextOutputStream>(_ items: [StructuredValue], to output: inout Output) {
        var list = JSONListWriter()
        for item in items { list.add(item, to: &output) }
        list.finish(to: &output)
    }

    /// `value` as JSON on one line (`{"a": 1, "b": [true, null]}`), with no final newline.
    public static func line(_ value: StructuredValue) -> String {
        var output = ""
        write(value, indent: nil, into: &output)
        return output
    }

    /// Writes `value` laid out at nesting depth `indent`, or on one line when `indent` is nil.
    private static func write(_ value: StructuredValue, indent: Int?, into output: inout String) {
        let padding = indent.map { String(repeating: "  ", count: $0 + 1) } ?? ""
        let closing = indent.map { String(repeating: "  ", count: $0) } ?? ""
        let inner = indent.map { $0 + 1 }
        let (open, separator, close) = indent == nil ? ("", ", ", "") : ("\n", ",\n", "\n")
        switch value {
        case .mapping(let entries):
            guard !entries.isEmpty else { output += "{}"; return }
            output += "{" + open
            for (index, entry) in entries.enumerated() {
                output += padding
                writeString(entry.key, into: &output)
                output += ": "
                write(entry.value, indent: inner, into: &output)
                output += index == entries.count - 1 ? close : separator
            }
            output += closing + "}"
        case .sequence(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[" + open
            for (index, item) in items.enumerated() {
                output += padding
                write(item, indent: inner, into: &output)
                output += index == items.count - 1 ? close : separator
            }
            output += closing + "]"
        case .text(let text): writeString(text, into: &output)
        case .integer(let number): output += String(number)
        case .number(let number): output += formatNumber(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    /// A number as JSON: integral values without `.0`, others in Swift's shortest exact form.
    public static func formatNumber(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // The characters escaped are ASCII controls, C1 controls (UTF-8 C2 80–C2 9F), the
        // noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF) and U+2028 and U+2029 (E2 80 A8,
        // E2 80 A9): the importer's YAML reader refuses C1 controls and noncharacters raw, and
        // reads NEL (C2 85), U+2028 and U+2029 as line breaks, dropping the blank space around
        // them, so an export must escape them to be imported again as they are. Every other byte
        // is copied, in runs between escapes rather than scalar by scalar.
        let bytes = Array(text.utf8)
        var runStart = 0
        var index = 0
        func hexEscape(_ value: UInt32) -> String {
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        while index < bytes.count {
            let byte = bytes[index]
            var escape: String?
            var length = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F: escape = hexEscape(UInt32(byte))
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                escape = hexEscape(UInt32(bytes[index + 1]))
                length = 2
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (0xBE...0xBF).contains(bytes[index + 2]):
                escape = hexEscape(0xFFFE + UInt32(bytes[index + 2] - 0xBE))
                length = 3
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                escape = hexEscape(0x2028 + UInt32(bytes[index + 2] - 0xA8))
                length = 3
            default: break
            }
            if let escape {
                output += String(decoding: bytes[runStart..<index], as: UTF8.self)
                output += escape
                runStart = index + length
            }
            index += length
        }
        output += String(decoding: bytes[runStart...], as: UTF8.self)
        output += "\""
    }
}
