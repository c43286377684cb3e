import HindsightCore

/// An instant to the minute, as table cells show it: `2024-03-05 14:07` (UTC).
enum MinuteText {
    static func utc(_ instant: Instant) -> String {
        // Without Foundation's replacingOccurrences: listings call this once per row.
        var text = String(instant.description.prefix(16))
        if let separator = text.firstIndex(of: "T") { text.replaceSubrange(separator...separator, with: " ") }
        return text
    }
}
