import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight maintenance add`.
struct MaintenanceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a maintenance window to a service.",
        discussion: """
            Example:
              hindsight maintenance add checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T02:00:00Z --note "DB upgrade"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: MaintenanceWindowOptions

    @Option(name: .long, help: ArgumentHelp("What is done.", valueName: "text"))
    var note: String?

    func run() throws {
        let window = try identity.window(note: note)
        let knowledgeBase = try database.openExisting()
        guard try knowledgeBase.serviceExists(window.serviceID) else {
            throw CLIError(.dataError, "error: no service with id '\(window.serviceID)'; 'hindsight services' lists them")
        }
        // The import would refuse a window that differs from the stored one with "pass --replace",
        // which this command does not have: such a window can differ only in its note, and
        // `maintenance change` sets that.
        if let stored = try knowledgeBase.maintenanceWindow(serviceID: window.serviceID, start: window.start, end: window.end),
           stored != window {
            let change = "hindsight maintenance change \(window.serviceID) --start \(window.start) --end \(window.end) --note TEXT"
            throw CLIError(.dataError, "error: maintenance of \(MaintenanceWindowOptions.describe(window)) is already recorded with another note; change its note with '\(change)'")
        }
        var document = InterchangeDocument()
        document.maintenance = [Located(window, at: SourceLocation(file: "command line", line: 1, column: 1))]
        do {
            let summary = try knowledgeBase.importRecords(document, replace: false, actor: LoginName.current, now: Clock.now)
            try Output.confirm(summary.maintenance.added == 1
                ? "Added maintenance of \(MaintenanceWindowOptions.describe(window)).\n"
                : "Maintenance of \(MaintenanceWindowOptions.describe(window)) was already recorded.\n",
                saved: summary.maintenance.added == 1 ? "the window" : nil)
        } catch let problems as InterchangeProblems {
            throw CLIError(.dataError, problems.problems.map { "error: " + $0.message })
        }
    }
}
