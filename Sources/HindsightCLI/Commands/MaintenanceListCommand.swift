import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight maintenance list`.
struct MaintenanceListCommand: ParsableCommand, TakesOptionsOnly {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List maintenance windows by service and start.",
        discussion: """
            Examples:
              hindsight maintenance list
              hindsight maintenance list --service checkout --since 2024-01-01 \\
                --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Only this service (repeatable).", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only windows that end after the start of this UTC day.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only windows that start before the end of this UTC day.", valueName: "date"))
    var until: String?

    func validate() throws {
        _ = try span()
        // Checked before the knowledge base is opened, as `maintenance add` and the listings do:
        // an id no service could have is a bad value, not a service that is missing.
        for id in service {
            _ = try OptionParsing.value("--service", id) { try Identifier.validate($0); return $0 }
        }
    }

    private func span() throws -> InstantSpan? {
        let first = try since.map { try OptionParsing.value("--since", $0, CalendarDate.init(parsing:)) }
        let last = try until.map { try OptionParsing.value("--until", $0, CalendarDate.init(parsing:)) }
        if let first, let last, last < first { throw ValidationError("--until \(last) is before --since \(first)") }
        guard first != nil || last != nil else { return nil }
        return InstantSpan(start: first?.startInstantUTC ?? Instant(millisecondsSinceEpoch: Int64.min / 2),
                           end: last?.adding(days: 1).startInstantUTC ?? Instant(millisecondsSinceEpoch: Int64.max / 2))
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["service", "start", "end", "note"]

    func run() throws {
        let knowledgeBase = try database.open(.readOnly)
        for id in service where try !knowledgeBase.serviceExists(id) {
            throw CLIError(.dataError, "error: no service with id '\(id)'; 'hindsight services' lists them")
        }
        let windows = try knowledgeBase.maintenanceWindows(serviceIDs: service, overlapping: try span())
        let listing = Listing(
            columns: [.init("SERVICE"), .init("START"), .init("END"), .init("LENGTH", alignRight: true), .init("NOTE", maxWidth: 40)],
            rows: windows.map { [$0.serviceID, $0.start.description, $0.end.description,
                                 DurationText.short(seconds: $0.end.seconds(since: $0.start)), $0.note ?? ""] })
        if windows.isEmpty && output.format == .table {
            Output.writeError("No maintenance windows match.\n")
            return
        }
        try ListingPrinter.print(listing, json: .sequence(windows.map(json)), csvFields: Self.csvFields, format: output.format)
    }

    /// A window with `service`, `start`, `end` and `note`, null when there is none, as every
    /// listing gives a field it has no value for (the interchange form leaves the key out).
    private func json(_ window: MaintenanceWindow) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("service", text: window.serviceID)
        builder.add("start", text: window.start.description)
        builder.add("end", text: window.end.description)
        builder.add("note", window.note.map(StructuredValue.text) ?? .null)
        return builder.value
    }
}
