import Foundation

/// Short human spellings of lengths of time, for terminal output.
public enum DurationText {
    /// `45s`, `12m`, `1h 15m`, `2d 3h`: the two largest non-zero units, rounded down.
    public static func short(seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        if seconds < 0 { return "-" + short(seconds: -seconds) }
        // Past what Int64 holds (a figure derived from a hand-edited file), whole days are all
        // that is worth showing, and they are counted as a Double.
        guard let total = Int64(exactly: seconds.rounded(.down)) else {
            let days = (seconds / 86_400).rounded(.down)
            return String(format: "%.0fd", days)
        }
        let days = total / 86_400, hours = total / 3600 % 24, minutes = total / 60 % 60, secs = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return secs > 0 ? "\(minutes)m \(secs)s" : "\(minutes)m" }
        return "\(secs)s"
    }
}
