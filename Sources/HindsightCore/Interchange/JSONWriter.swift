/// Writes a ``StructuredValue`` as JSON: UTF-8, keys in the tree's order, two-space indentation,
/// whole numbers without a fraction, non-ASCII text as is, and escaped: control characters (C0,
/// DEL and C1) and the noncharacters U+FFFE and U+FFFF, which YAML readers (the importer's among
/// them) refuse raw even inside JSON.
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
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0xFFFE...0xFFFF).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
