/// The order of an action listing: most days overdue first, then by due date (actions without
/// one last), then by global id.
public enum OverdueOrder {
    /// `actions` sorted for `day`.
    public static func sorted(_ actions: [TrackedAction], on day: CalendarDate) -> [TrackedAction] {
        positions(of: actions, on: day).map { actions[$0] }
    }

    /// The positions in `actions` in their order for `day`: the order without a sorted copy of the
    /// actions, which for a whole history's listing is tens of megabytes held beside the original.
    public static func positions(of actions: [TrackedAction], on day: CalendarDate) -> [Int] {
        // Each action's key is worked out once rather than at each of the n log n comparisons (its
        // global id is a new string whenever it is asked for), and indices are sorted rather than
        // the actions themselves, which are large to move.
        let keys = actions.map { (overdue: $0.daysOverdue(on: day) ?? 0, due: $0.effectiveDue, id: $0.globalID) }
        return keys.indices.sorted { leftIndex, rightIndex in
            let left = keys[leftIndex], right = keys[rightIndex]
            if left.overdue != right.overdue { return left.overdue > right.overdue }
            switch (left.due, right.due) {
            case let (leftDue?, rightDue?) where leftDue != rightDue: return leftDue < rightDue
            case (.some, nil): return true
            case (nil, .some): return false
            default: return left.id < right.id
            }
        }
    }
}
