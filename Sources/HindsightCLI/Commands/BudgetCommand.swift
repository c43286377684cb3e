import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight budget`: every SLA's current window and how long its error budget will last.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Each SLA's current window: allowed, used and remaining downtime, burn rate, and when the budget runs out.",
        discussion: """
            The current window is the one containing --as-of (default: now), judged by the SLA in \
            force at its start. Burn rate is the share of the budget used over the share of the \
            window passed: 1 means the budget lasts exactly to the window's end. RUNS OUT (UTC) \
            projects the downtime seen so far in the window forward at the same rate. In the table format, \
            standard error says why a service asked about has no window listed.

            Examples:
              hindsight budget
              hindsight budget --service url-shortener --as-of 2023-06-01T00:00:00Z \\
                --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Only this service (repeatable).", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Evaluate at this instant instead of now (RFC 3339, e.g. 2019-12-01T00:00:00Z).", valueName: "instant"))
    var asOf: String?

    func validate() throws {
        _ = try instant()
        for id in service {
            _ = try OptionParsing.value("--service", id) { try Identifier.validate($0); return $0 }
        }
    }

    private func instant() throws -> Instant {
        try asOf.map { try OptionParsing.value("--as-of", $0, Instant.init(parsing:)) } ?? Clock.now
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["service", "window", "timezone", "start", "end", "evaluated_until", "window_seconds", "allowed_downtime_seconds", "downtime_seconds", "budget_remaining_seconds", "budget_consumed_percent", "availability_percent", "breached", "credit_percent", "burn_rate", "label", "objective_percent", "outlook", "budget_runs_out_at"]

    func run() throws {
        let asOf = try instant()
        let knowledgeBase = try database.open(.readOnly)
        let reading = try knowledgeBase.budgets(asOf: asOf, serviceIDs: service)
        let statuses = reading.statuses
        if let window = WritableWindow.firstOutside(statuses.map { ($0.serviceID, $0.evaluation.window) }) {
            throw ValidationError("--as-of \(asOf) lies in \(window), \(WritableWindow.reason); "
                                  + "expected an instant whose windows lie within them")
        }
        let listing = Listing(
            columns: [.init("SERVICE"), .init("WINDOW", maxWidth: 10), .init("ALLOWED", alignRight: true),
                      .init("USED", alignRight: true), .init("LEFT", alignRight: true), .init("USED %", alignRight: true),
                      .init("BURN", alignRight: true),
                      // The windows are in the SLAs' own zones, so say which zone the instants are in.
                      .init("RUNS OUT (UTC)")],
            rows: statuses.map { status in
                let figures = status.evaluation
                return [status.serviceID, figures.window.label, DurationText.short(seconds: figures.allowedDowntimeSeconds),
                        DurationText.short(seconds: figures.downtimeSeconds), DurationText.short(seconds: figures.budgetRemainingSeconds),
                        NumberText.percent(figures.budgetConsumedPercent),
                        figures.burnRate.map { NumberText.fixed($0, places: 2) + "×" } ?? "–", outlookText(status.outlook)]
            })
        let json = StructuredValue.sequence(statuses.map { status in
            var entry = MappingBuilder()
            entry.add("service", text: status.serviceID)
            if case .mapping(let fields) = SLAReportJSON.window(status.evaluation) {
                for field in fields { entry.add(field.key, field.value) }
            }
            switch status.outlook {
            case .exhausted(let at):
                entry.add("outlook", text: "exhausted")
                entry.add("budget_runs_out_at", text: at.description)
            case .runsOut(let at):
                entry.add("outlook", text: "runs-out")
                entry.add("budget_runs_out_at", text: at.description)
            case .lasts:
                entry.add("outlook", text: "lasts")
                entry.add("budget_runs_out_at", .null)
            }
            return entry.value
        })
        guard output.format == .table else {
            try ListingPrinter.print(listing, json: json, csvFields: Self.csvFields, format: output.format)
            return
        }
        // A service asked about that has no window listed would otherwise just be missing from
        // the table: say why, on standard error, so that standard output holds only the table.
        let listed = Set(statuses.map(\.serviceID))
        let slas = reading.slas.filter { !listed.contains($0.serviceID) }
        let withoutSLA = Set(service).filter { id in !reading.slas.contains { $0.serviceID == id } }.sorted()
        if statuses.isEmpty {
            Output.writeError(try NoOpenWindowText.text(slas: slas, withoutSLA: withoutSLA, asOf: asOf))
            return
        }
        try ListingPrinter.print(listing, json: json, csvFields: Self.csvFields, format: output.format)
        if let note = try NoOpenWindowText.note(slas: slas, withoutSLA: withoutSLA, asOf: asOf) {
            Output.writeError(note)
        }
    }

    private func outlookText(_ outlook: BudgetOutlook) -> String {
        switch outlook {
        case .exhausted(let at): return "EXHAUSTED " + MinuteText.utc(at)
        case .runsOut(let at): return MinuteText.utc(at)
        case .lasts: return "lasts the window"
        }
    }
}
