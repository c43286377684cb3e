import ArgumentParser
import HindsightCore

/// `--quarter`, `--month` and `--year`: a period named as `report` names it, for the commands
/// that otherwise take its days as `--since` and `--until`, so that the quarter a report covers
/// can be asked of them in the same words.
struct NamedPeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The days of a quarter, e.g. 2019Q4 (UTC), instead of --since/--until.",
                                            valueName: "YYYYQn"))
    var quarter: String?

    @Option(name: .long, help: ArgumentHelp("The days of a month, e.g. 2019-10 (UTC), instead of --since/--until.",
                                            valueName: "YYYY-MM"))
    var month: String?

    @Option(name: .long, help: ArgumentHelp("The days of a calendar year, e.g. 2019 (UTC), instead of --since/--until.",
                                            valueName: "YYYY"))
    var year: String?

    /// The named period, or nil when none was named.
    /// - Parameter daysGiven: whether `--since` or `--until` was given too, which is refused with
    ///   a named period, as the two would say different things.
    /// - Throws: `ValidationError` (exit 64) for two names, a name with days, or a malformed name.
    func period(daysGiven: Bool) throws -> ReportPeriod? {
        let named = [("--quarter", quarter), ("--month", month), ("--year", year)].filter { $0.1 != nil }.map(\.0)
        guard !named.isEmpty else { return nil }
        guard named.count == 1 else {
            throw ValidationError("give only one of \(named.joined(separator: ", ")): each names a whole period")
        }
        guard !daysGiven else {
            throw ValidationError("\(named[0]) names the period's days; leave out --since and --until, or give them instead of it")
        }
        if let quarter { return try OptionParsing.value("--quarter", quarter, ReportPeriod.init(quarter:)) }
        if let month { return try OptionParsing.value("--month", month, ReportPeriod.init(month:)) }
        return try year.map { try OptionParsing.value("--year", $0, ReportPeriod.init(year:)) }
    }
}
