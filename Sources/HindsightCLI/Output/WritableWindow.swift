import HindsightCore

/// Whether an SLA window can be written out: RFC 3339 has four digits for the year, so a window
/// that ends at or after the first instant of 10000 (a yearly window of 9999 does, and a monthly
/// one in a zone ahead of UTC that holds the last hour of 9999) cannot be.
enum WritableWindow {
    /// 10000-01-01T00:00:00Z, the first instant whose year needs five digits.
    static let firstUnwritable = Instant(millisecondsSinceEpoch: 253_402_300_800_000)

    /// The first of `windows` (with their services) that cannot be written, described for a
    /// message as `the year window 9999 of url-shortener`; nil when all can.
    static func firstOutside(_ windows: [(serviceID: String, window: SLAWindow)]) -> String? {
        guard let outside = windows.first(where: { $0.window.span.end >= firstUnwritable }) else { return nil }
        return "the \(outside.window.kind.rawValue) window \(outside.window.label) of \(outside.serviceID)"
    }

    /// Why such a window is refused, to follow its description in a message.
    static let reason = "which ends in the year 10000, past the four digits RFC 3339 has for a year"
}
