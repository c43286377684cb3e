/// How long a defect lay in a system before the incident it contributed to, counted at the
/// precision its introduction is known: whole years for `2016`, months for `2016-10`, days for
/// `2016-10-05`, seconds for an instant. Calendar parts are taken in UTC.
public struct LatentAge: Hashable, Sendable, CustomStringConvertible {
    /// The unit the age is counted in.
    public enum Unit: String, Sendable {
        /// Whole calendar years.
        case years
        /// Whole calendar months.
        case months
        /// Whole days.
        case days
        /// Seconds.
        case seconds
    }

    /// The count, in `unit`.
    public let value: Int64
    /// The unit of `value`.
    public let unit: Unit

    /// The age at `start` of a defect introduced at `introduced`.
    public init(introduced: FuzzyDate, start: Instant) {
        let startDay = start.utcDate
        switch introduced {
        case .year(let year):
            value = Int64(startDay.year - year)
            unit = .years
        case .month(let year, let month):
            value = Int64((startDay.year * 12 + startDay.month) - (year * 12 + month))
            unit = .months
        case .day(let date):
            value = startDay.daysSinceEpoch - date.daysSinceEpoch
            unit = .days
        case .instant(let instant):
            // Whole seconds rounded down, not toward zero: a defect introduced half a second
            // after the incident began entered during it (-1), and was never latent for 0 s.
            let milliseconds = start.millisecondsSinceEpoch - instant.millisecondsSinceEpoch
            value = milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
            unit = .seconds
        }
    }

    /// The age in days, approximating years as 365.2425 days and months as a twelfth of that.
    public var approximateDays: Double {
        switch unit {
        case .years: return Double(value) * 365.2425
        case .months: return Double(value) * 365.2425 / 12
        case .days: return Double(value)
        case .seconds: return Double(value) / 86_400
        }
    }

    /// E.g. `3 years`, `4 months`, `12 days`, `2 hours`; `none (introduced after the incident began)`
    /// for a defect that entered after the incident began, such as a faulty hot fix (or, given to the
    /// year or month only, in a later year or month than the incident began).
    public var description: String {
        if value < 0 { return "none (introduced after the incident began)" }
        func plural(_ count: Int64, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        switch unit {
        case .years: return plural(value, "year")
        case .months:
            return value >= 24 ? "\(plural(value, "month")) (\(plural(value / 12, "year")))" : plural(value, "month")
        case .days: return plural(value, "day")
        case .seconds:
            if value >= 86_400 { return plural(value / 86_400, "day") }
            if value >= 3600 { return plural(value / 3600, "hour") }
            return plural(value / 60, "minute")
        }
    }
}
