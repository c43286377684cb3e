/// Numbers for people: fixed decimals without Foundation's locale-dependent formatting.
enum NumberText {
    /// `value` with exactly `places` decimals, rounded to nearest.
    static func fixed(_ value: Double, places: Int) -> String {
        fixed(value, places: places, rule: .toNearestOrAwayFromZero)
    }

    /// `value` with exactly `places` decimals, rounded down: an availability of 99.99995 % shows
    /// as 99.9999 %, never as a 100 % it did not reach.
    static func fixedDown(_ value: Double, places: Int) -> String {
        fixed(value, places: places, rule: .down)
    }

    /// A percentage such as `45.3%`, or `–` when there is none.
    static func percent(_ value: Double?, places: Int = 1) -> String {
        value.map { fixed($0, places: places) + "%" } ?? "–"
    }

    private static func fixed(_ value: Double, places: Int, rule: FloatingPointRoundingRule) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
        let scaled = (value * scale).rounded(rule)
        guard abs(scaled) < 9e17 else { return "\(value)" }
        let units = Int64(scaled)
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(scale)
        guard places > 0 else { return sign + String(whole) }
        let fraction = String(magnitude % UInt64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
