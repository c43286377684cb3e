/// Overdue actions by how many days overdue they are on the as-of day.
public struct OverdueAgeing: Hashable, Sendable {
    /// 1 to 30 days overdue.
    public var upTo30Days = 0
    /// 31 to 90 days overdue.
    public var from31To90Days = 0
    /// More than 90 days overdue.
    public var over90Days = 0

    /// No overdue actions.
    public init() {}

    /// Counts one action that is `days` days overdue (at least 1).
    public mutating func add(daysOverdue days: Int) {
        switch days {
        case ...30: upTo30Days += 1
        case 31...90: from31To90Days += 1
        default: over90Days += 1
        }
    }
}
