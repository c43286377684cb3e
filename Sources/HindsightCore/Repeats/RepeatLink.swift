/// A factor of a later incident that repeats a factor of an earlier one: the same service and
/// the earlier factor's cause path, or a path below it.
public struct RepeatLink: Hashable, Sendable {
    /// The earlier factor, the one that was repeated.
    public let earlier: FactorOccurrence
    /// The later factor, the repeat.
    public let later: FactorOccurrence
    /// The services both incidents hit, sorted.
    public let sharedServices: [String]

    /// Creates a link.
    public init(earlier: FactorOccurrence, later: FactorOccurrence, sharedServices: [String]) {
        self.earlier = earlier
        self.later = later
        self.sharedServices = sharedServices
    }
}
