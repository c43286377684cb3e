import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight report`: the quarterly (or any period's) SLA report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Downtime against every SLA over a period: budget, breaches, credits, incidents and causes.",
        discussion: """
            Name the period with exactly one of --quarter, --month, --year, or --from with --to. \
            The period runs from local midnight of its first day to local midnight after its last, \
            in --tz (default UTC). Every SLA window that overlaps the period is judged whole, by the \
            SLA in force at its start, up to --as-of (default: the end of the period, or now if that \
            is earlier, so a past quarter reads the same whenever it is made).

            Examples:
              hindsight report --quarter 2019Q4
              hindsight report --year 2023 --service url-shortener --format json
              hindsight report --month 2019-10 --tz Europe/Prague \\
                --format markdown > october.md
              hindsight report --from 2019-10-01 --to 2019-10-31 \\
                --as-of 2019-10-31T12:00:00Z
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("A quarter, e.g. 2019Q4.", valueName: "YYYYQn"))
    var quarter: String?

    @Option(name: .long, help: ArgumentHelp("A month, e.g. 2019-10.", valueName: "YYYY-MM"))
    var month: String?

    @Option(name: .long, help: ArgumentHelp("A calendar year, e.g. 2019.", valueName: "YYYY"))
    var year: String?

    @Option(name: .long, help: ArgumentHelp("The first day of a custom period (with --to).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The last day of a custom period, inclusive (with --from).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Only this service (repeatable).", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Count nothing at or after this instant (RFC 3339, e.g. 2019-12-01T00:00:00Z).", valueName: "instant"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The IANA time zone the period's days are read in.", valueName: "zone"))
    var tz: String = "UTC"

    @Option(name: .long, help: "Output format.")
    var format: ReportFormat = .table

    func validate() throws {
        _ = try request(now: Clock.now)
    }

    /// The period, its zone and the as-of instant, from the options.
    private func request(now: Instant) throws -> (period: ReportPeriod, calendar: LocalCalendar, asOf: Instant) {
        let named = [quarter, month, year].compactMap { $0 }.count + (from != nil || to != nil ? 1 : 0)
        guard named == 1 else {
            throw ValidationError(named == 0
                ? "name the period: --quarter 2019Q4, --month 2019-10, --year 2019, or --from DATE --to DATE"
                : "give only one of --quarter, --month, --year and --from/--to")
        }
        let period: ReportPeriod
        if let quarter {
            period = try OptionParsing.value("--quarter", quarter, ReportPeriod.init(quarter:))
        } else if let month {
            period = try OptionParsing.value("--month", month, ReportPeriod.init(month:))
        } else if let year {
            period = try OptionParsing.value("--year", year, ReportPeriod.init(year:))
        } else {
            guard let from, let to else { throw ValidationError("--from and --to go together: give both days") }
            let first = try OptionParsing.value("--from", from, CalendarDate.init(parsing:))
            let last = try OptionParsing.value("--to", to, CalendarDate.init(parsing:))
            guard first <= last else { throw ValidationError("--from \(first) is after --to \(last)") }
            period = try OptionParsing.value("--to", to) { _ in try ReportPeriod(from: first, through: last) }
        }
        let calendar = try OptionParsing.value("--tz", tz) { name in
            try TimeZoneName.validate(name)
            return try LocalCalendar(timeZoneName: name)
        }
        let span = period.span(in: calendar)
        // A zone that moved across the date line skipped whole days (Pacific/Apia 2011-12-30):
        // a period of only those has no time, which no as-of instant could be after.
        guard span.end > span.start else {
            throw ValidationError("the period \(period.label) has no time in \(calendar.timeZoneName): "
                                  + "its clocks skipped \(period.firstDay == period.lastDay ? "that day" : "those days")")
        }
        var cutOff = min(span.end, now)
        if let asOf {
            cutOff = try OptionParsing.value("--as-of", asOf, Instant.init(parsing:))
        }
        guard cutOff > span.start else {
            throw ValidationError(asOf == nil
                ? "the period \(period.label) has not begun yet (it starts \(span.start))"
                : "--as-of \(cutOff) is not after the start of the period \(period.label) (\(span.start))")
        }
        return (period, calendar, cutOff)
    }

    func run() throws {
        for id in service {
            _ = try OptionParsing.value("--service", id) { try Identifier.validate($0); return $0 }
        }
        let (period, calendar, asOf) = try request(now: Clock.now)
        let knowledgeBase = try database.open(.readOnly)
        let report = try knowledgeBase.slaReport(period: period, calendar: calendar, asOf: asOf, serviceIDs: service)
        // The period itself is checked as it is read; an SLA's window may reach further (its year).
        if let window = WritableWindow.firstOutside(report.services.flatMap { section in
            section.windows.map { (section.serviceID, $0.window) }
        }) {
            throw ValidationError("the period \(period.label) meets \(window), \(WritableWindow.reason); "
                                  + "expected a period whose SLA windows lie within them")
        }
        let followThrough = try knowledgeBase.followThrough(period: FollowThroughPeriod(reportSpan: report.span, asOf: report.asOf),
                                                            grouping: nil)
        switch format {
        case .table: try Output.write(SLAReportDocument.build(report, followThrough: followThrough).text())
        case .markdown: try Output.write(SLAReportDocument.build(report, followThrough: followThrough).markdown())
        case .html: try Output.write(SLAReportDocument.build(report, followThrough: followThrough)
                                    .html(title: "SLA report \(report.period.label)"))
        case .json: try Output.write(JSONWriter.string(SLAReportJSON.value(report, followThrough: followThrough)))
        case .csv: try Output.write(SLAReportCSV.listing(report, followThrough: followThrough).csv())
        }
    }
}
