/// The rules for record ids and cause paths.
public enum Identifier {
    /// The id rule as the interchange format writes it.
    public static let pattern = "[a-z0-9][a-z0-9._-]{0,127}"

    /// Whether `text` is a valid id: 1–128 characters of `a-z 0-9 . _ -`, starting with a letter or digit.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...128).contains(bytes.count), isLeading(bytes[0]) else { return false }
        return bytes.allSatisfy { isLeading($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// Throws a message naming the rule when `text` is not a valid id.
    public static func validate(_ text: String) throws {
        guard isValid(text) else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a valid id; expected \(pattern): lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters")
        }
    }

    /// Whether `text` is a cause path: one or more id-like segments joined by `/`.
    public static func isValidCausePath(_ text: String) -> Bool {
        guard text.utf8.count <= 255 else { return false }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { isValid(String($0)) }
    }

    /// Throws a message naming the rule when `text` is not a cause path.
    public static func validateCausePath(_ text: String) throws {
        guard isValidCausePath(text) else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not a cause path; expected segments of lower-case letters, digits, '.', '_' and '-' joined by '/', e.g. cache/key")
        }
    }

    /// Whether cause path `path` is `ancestor` or lies below it, segment by segment:
    /// `config` covers `config/x` but not `configuration/y`.
    public static func causePath(_ path: String, isWithin ancestor: String) -> Bool {
        path == ancestor || path.hasPrefix(ancestor + "/")
    }

    private static func isLeading(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
