/// The calendar-aligned windows an SLA is judged over; weeks start on Monday.
public enum WindowKind: String, Keyword {
    /// `year`.
    case year
    /// `quarter`.
    case quarter
    /// `month`.
    case month
    /// `week`.
    case week

    /// The fewest calendar days a window of this kind can have: 365, 90, 28 and 7. A window can
    /// be shorter still in real time, where the clocks move forward inside it; a fixed allowance
    /// is checked against that real length (see ``ShortestWindow``).
    public var shortestDays: Int {
        switch self {
        case .year: return 365
        case .quarter: return 90
        case .month: return 28
        case .week: return 7
        }
    }
}
