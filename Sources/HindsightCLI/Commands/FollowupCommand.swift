import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight followup`: whether actions get done, and on time.
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Follow-through on actions: created, done, on time, days to complete, open and overdue.",
        discussion: """
            Counts over the UTC days --since to --until (both inclusive; default from the first \
            action to today), or over the days of --quarter, --month or --year, up to today for a \
            period not yet over. An action is created when 'action add' added it, or, for an action \
            imported with its postmortem, when its incident started. Completed means done with a \
            completion time in the period. Open and overdue are judged on the --until day, overdue \
            actions aged by days overdue (≤30, 31–90, >90). 'No effect' counts done actions whose \
            factor repeated in the period. --by breaks the figures down by owner, team (of the \
            services the incident hit), kind or priority.

            Examples:
              hindsight followup
              hindsight followup --since 2019-01-01 --until 2019-12-31 --by owner
              hindsight followup --quarter 2019Q4
              hindsight followup --by team --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The first day counted (YYYY-MM-DD, UTC); default: no limit.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("The last day counted and the day open work is judged on; default today.",
                                            valueName: "date"))
    var until: String?

    @OptionGroup var named: NamedPeriodOptions

    @Option(name: .long, help: ArgumentHelp("Break down by owner, team, kind or priority.", valueName: "grouping"),
            completion: .keyword(FollowThroughGrouping.self))
    var by: String?

    func validate() throws {
        _ = try request(today: Clock.now.utcDate)
    }

    /// The period counted, its label for the heading (nil for the whole history up to a day),
    /// and the grouping.
    private func request(today: CalendarDate) throws
        -> (period: FollowThroughPeriod, label: String?, grouping: FollowThroughGrouping?) {
        let grouping = try by.map { try OptionParsing.keyword("--by", $0, FollowThroughGrouping.self) }
        if let named = try named.period(daysGiven: since != nil || until != nil) {
            // As `report` does: a period not yet over is counted up to today, and open work judged today.
            guard named.firstDay <= today else {
                throw ValidationError("the period \(named.label) has not begun yet (its first day is \(named.firstDay))")
            }
            let last = min(named.lastDay, today)
            return (FollowThroughPeriod(first: named.firstDay, last: last), "\(named.label) (\(named.firstDay) to \(last))", grouping)
        }
        let first = try since.map { try OptionParsing.value("--since", $0, CalendarDate.init(parsing:)) }
        let last = try until.map { try OptionParsing.value("--until", $0, CalendarDate.init(parsing:)) } ?? today
        if let first, last < first {
            throw ValidationError(until == nil ? "--since \(first) is after today (\(last)); give --until too"
                                               : "--until \(last) is before --since \(first)")
        }
        return (FollowThroughPeriod(first: first, last: last), first.map { "\($0) to \(last)" }, grouping)
    }

    func run() throws {
        let (period, label, grouping) = try request(today: Clock.now.utcDate)
        let followThrough = try database.open(.readOnly).followThrough(period: period, grouping: grouping)
        switch output.format {
        case .json: try Output.write(JSONWriter.string(FollowThroughJSON.value(followThrough)))
        case .csv:
            try Output.write(RecordCSV.csv(FollowThroughJSON.csvRecords(followThrough),
                                           fields: ["group"] + FollowThroughJSON.figureFields))
        case .table, .markdown:
            var document = ReportDocument()
            document.heading(1, "Follow-through " + (label ?? "up to \(period.asOfDay)"))
            FollowThroughListing.append(followThrough, to: &document, headingLevel: 2)
            try Output.write(output.format == .table ? document.text() : document.markdown())
        }
    }
}
