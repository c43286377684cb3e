/// The middle and the tail of a set of durations: incident durations are skewed, so a mean alone
/// would mislead.
///
/// Percentiles interpolate linearly between the closest ranks (the method of Excel's
/// PERCENTILE.INC and NumPy's default): the p-th percentile of sorted values x₀…xₙ₋₁ is read
/// at rank p/100 × (n − 1). The median of an even count is thus the mean of the middle two.
public struct DistributionSummary: Hashable, Sendable {
    /// How many values there were.
    public let count: Int
    /// The 50th percentile; nil when there were no values.
    public let median: Double?
    /// The 90th percentile; nil when there were no values.
    public let p90: Double?
    /// The largest value; nil when there were no values.
    public let maximum: Double?

    /// Summarises `values` (in any order).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        median = Self.percentile(50, ofSorted: sorted)
        p90 = Self.percentile(90, ofSorted: sorted)
        maximum = sorted.last
    }

    /// The `p`-th percentile (0…100) of ascending `sorted`, or nil when it is empty.
    ///
    /// The rank is kept as a whole number of hundredths, and the two neighbours are weighed in
    /// hundredths too, so that whole seconds give the nearest Double to the exact figure: the
    /// 90th percentile of 600, 1200, 1800 and 7200 s is (1800 × 30 + 7200 × 70) / 100 = 5580,
    /// where 1800 + 0.7 × 5400 in binary fractions gives 5580.000000000001.
    public static func percentile(_ p: Int, ofSorted sorted: [Double]) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let hundredths = p * (sorted.count - 1)
        let lower = hundredths / 100, weight = hundredths % 100
        let upper = min(lower + 1, sorted.count - 1)
        return (sorted[lower] * Double(100 - weight) + sorted[upper] * Double(weight)) / 100
    }
}
