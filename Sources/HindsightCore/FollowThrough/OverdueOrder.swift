/// The order of an action listing: most days overdue first, then by due date (actions without
/// one last), then by global id.
public enum OverdueOrder {
    /// `actions` sorted for `day`.
    public static func sorted(_ actions: [TrackedAction], on day: CalendarDate) -> [TrackedAction] {
        actions.map { (action: $0, overdue: $0.daysOverdue(on: day) ?? 0) }
            .sorted { left, right in
                if left.overdue != right.overdue { return left.overdue > right.overdue }
                switch (left.action.effectiveDue, right.action.effectiveDue) {
                case let (leftDue?, rightDue?) where leftDue != rightDue: return leftDue < rightDue
                case (.some, nil): return true
                case (nil, .some): return false
                default: return left.action.globalID < right.action.globalID
                }
            }
            .map(\.action)
    }
}
