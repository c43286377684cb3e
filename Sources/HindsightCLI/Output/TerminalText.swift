/// Makes stored text safe to print on a terminal: control characters (which could move the
/// cursor, change colours or retitle the window), and BiDi overrides (which reorder what is
/// shown), are written as visible escapes such as `\u{1b}` instead of being sent raw.
enum TerminalText {
    static func neutralised(_ text: String, keepNewlines: Bool = false) -> String {
        // Most text is printable ASCII, which has nothing to neutralise: return it as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if keepNewlines && scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if isUnsafe(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
