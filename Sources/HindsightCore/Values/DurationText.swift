/// Short human spellings of lengths of time, for terminal output.
public enum DurationText {
    /// `45s`, `12m`, `1h 15m`, `2d 3h`: the two largest non-zero units, rounded down.
    public static func short(seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        let total = Int64(seconds.rounded(.down))
        if total < 0 { return "-" + short(seconds: -seconds) }
        let days = total / 86_400, hours = total / 3600 % 24, minutes = total / 60 % 60, secs = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return secs > 0 ? "\(minutes)m \(secs)s" : "\(minutes)m" }
        return "\(secs)s"
    }
}
