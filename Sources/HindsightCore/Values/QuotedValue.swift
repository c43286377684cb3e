/// A value as an error message quotes it: in single quotes, whole when it has at most ``limit``
/// characters. A longer one (a pasted file, a runaway argument) is cut to its first ``limit``
/// characters and `…`, then its whole length, so that the message stays a line to read and
/// still says what it was given.
public enum QuotedValue {
    /// The most characters of a value a message quotes.
    public static let limit = 80

    /// `text` in single quotes, e.g. `'api'`, or, when longer than ``limit``, its start and its
    /// length, e.g. `'aaaa…' (1048576 characters)`.
    public static func quote(_ text: String) -> String {
        let head = shortened(text)
        return head == text ? "'\(text)'" : "'\(head)' (\(text.count) characters)"
    }

    /// `text` itself when it has at most ``limit`` characters, else its first ``limit`` and `…`:
    /// for a value a message shows unquoted, as in an example of how to write it.
    public static func shortened(_ text: String) -> String {
        let head = text.prefix(limit)
        return head.endIndex < text.endIndex ? head + "…" : text
    }
}
