import Foundation

/// A small seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// Synthetic histories must come out byte for byte the same for the same seed, on every run and
/// every machine, and the standard library's generator cannot be seeded. The sampling helpers
/// below avoid the standard library's `random(in:using:)` as well, whose way of turning bits into
/// a number is not promised to stay the same between Swift releases.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one independent part of a larger job: the same `seed` with different
    /// `stream` numbers gives unrelated sequences, so that adding incidents does not reshuffle
    /// the services.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: stream &* 0xD1B5_4A32_D192_ED03 ^ seed)
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0 ..< 1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A whole number in `0 ..< bound` (`bound` > 0), by the multiply-high method: no loop and a
    /// bias far below anything a synthetic history could show.
    public mutating func below(_ bound: Int) -> Int {
        Int(UInt64(max(bound, 1)).multipliedFullWidth(by: next()).high)
    }

    /// A whole number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var remaining = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }

    /// A standard normal deviate (Box–Muller).
    public mutating func normal() -> Double {
        let radius = (-2 * log(1 - unit())).squareRoot()
        return radius * cos(2 * Double.pi * unit())
    }

    /// A log-normal deviate with the given median and shape: most values near the median, a long
    /// tail of large ones, which is how incident durations and delays are spread.
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }
}
