import ArgumentParser
import HindsightCore

/// `--as-of DATE`, the day overdue work and incidents' age are judged on, shared by the commands
/// that list actions and gaps.
struct AsOfDayOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to judge on (YYYY-MM-DD, UTC); default today.",
                                                           valueName: "date"))
    var asOf: String?

    func validate() throws {
        _ = try day(today: Clock.now.utcDate)
    }

    /// The `--as-of` day, else `today`.
    func day(today: CalendarDate) throws -> CalendarDate {
        try asOf.map { try OptionParsing.value("--as-of", $0, CalendarDate.init(parsing:)) } ?? today
    }
}
