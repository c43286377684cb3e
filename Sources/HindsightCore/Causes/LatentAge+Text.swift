extension LatentAge {
    /// An age given in days (such as a median of ``approximateDays``) in the unit a person would
    /// use: `12 days` below 60 days, `14 months` below two years (months of 365.2425 / 12 days,
    /// rounded to nearest), then years to one decimal, `3.5 years`.
    public static func approximateText(days: Double) -> String {
        guard days.isFinite else { return "–" }
        if days < 60 {
            let whole = Int64(days.rounded())
            return "\(whole) day\(whole == 1 ? "" : "s")"
        }
        let months = days / (365.2425 / 12)
        if months < 23.5 { return "\(Int64(months.rounded())) months" }
        let tenthsOfYears = Int64((days / 365.2425 * 10).rounded())
        return "\(tenthsOfYears / 10).\(tenthsOfYears % 10) years"
    }
}
