/// Writes a ``StructuredValue`` as JSON: UTF-8, keys in the tree's order, two-space indentation,
/// whole numbers without a fraction, non-ASCII text as is and control characters escaped.
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

    private static func write(_ value: StructuredValue, indent: Int, into output: inout String) {
        let padding = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch value {
        case .mapping(let entries):
            guard !entries.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, entry) in entries.enumerated() {
                output += padding
                writeString(entry.key, into: &output)
                output += ": "
                write(entry.value, indent: indent + 1, into: &output)
                output += index == entries.count - 1 ? "\n" : ",\n"
            }
            output += closing + "}"
        case .sequence(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += padding
                write(item, indent: indent + 1, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
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
        // Only ASCII characters are escaped, and no byte of a multi-byte UTF-8 sequence is ASCII,
        // so the text is scanned as bytes and copied in runs between escapes, not scalar by scalar.
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let byte = bytes[index]
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            let next = bytes.index(after: index)
            if let escape {
                output += text[runStart..<index]
                output += escape
                runStart = next
            }
            index = next
        }
        output += text[runStart...]
        output += "\""
    }
}
