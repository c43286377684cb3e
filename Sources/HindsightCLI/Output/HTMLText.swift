/// Escapes text for HTML element content and attribute values.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references; control characters as visible escapes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in TerminalText.neutralised(text, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
