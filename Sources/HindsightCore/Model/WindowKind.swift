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
}
