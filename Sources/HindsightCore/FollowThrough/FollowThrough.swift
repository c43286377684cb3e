/// Follow-through over a period: the figures for all actions, broken down by a grouping when one
/// was asked for, and the actions that did not prevent a repeat.
public struct FollowThrough: Hashable, Sendable {
    /// One group's figures.
    public struct Group: Hashable, Sendable {
        /// The group's label, e.g. an owner.
        public let label: String
        /// Its figures.
        public let figures: FollowThroughFigures

        /// Creates a group.
        public init(label: String, figures: FollowThroughFigures) {
            self.label = label
            self.figures = figures
        }
    }

    /// The period counted over.
    public let period: FollowThroughPeriod
    /// The grouping, if any.
    public let grouping: FollowThroughGrouping?
    /// The figures over all actions.
    public let total: FollowThroughFigures
    /// The figures per group, by label; empty without a grouping.
    public let groups: [Group]
    /// The actions flagged as not having prevented a repeat that began in the period.
    public let didNotPreventRepeat: [IneffectiveAction]

    /// Creates a follow-through summary; see ``FollowThroughBuilder``.
    public init(period: FollowThroughPeriod, grouping: FollowThroughGrouping?, total: FollowThroughFigures,
                groups: [Group], didNotPreventRepeat: [IneffectiveAction]) {
        self.period = period
        self.grouping = grouping
        self.total = total
        self.groups = groups
        self.didNotPreventRepeat = didNotPreventRepeat
    }
}
