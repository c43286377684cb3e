import Foundation

/// Short human spellings of lengths of time, for terminal output.
public enum DurationText {
    /// `45s`, `12m`, `1h 15m`, `2d 3h`: the two largest non-zero units, rounded down. Less than
    /// a second but more than nothing reads in milliseconds (`300ms`, `<1ms`), so a window over
    /// its budget by 0.3 s is not said to be over by `0s`.
    public static func short(seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        if seconds < 0 { return "-" + short(seconds: -seconds) }
        if seconds > 0 && seconds < 1 {
            let milliseconds = Int((seconds * 1000).rounded(.down))
            return milliseconds == 0 ? "<1ms" : "\(milliseconds)ms"
        }
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

    /// `45s`, `1h 30m 45s`, `2d 5s`: every non-zero unit of a whole number of seconds, none
    /// dropped, for lengths that must read as they are written, such as an SLA's allowance.
    public static func exact(seconds: Int64) -> String {
        guard seconds != 0 else { return "0s" }
        let total = seconds.magnitude
        let parts = [(total / 86_400, "d"), (total / 3600 % 24, "h"), (total / 60 % 60, "m"), (total % 60, "s")]
        return (seconds < 0 ? "-" : "") + parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined(separator: " ")
    }
}
