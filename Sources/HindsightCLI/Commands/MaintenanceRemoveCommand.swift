import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight maintenance remove`.
struct MaintenanceRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a maintenance window; its time counts as downtime again.",
        discussion: """
            Example:
              hindsight maintenance remove checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T02:00:00Z
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: MaintenanceWindowOptions

    func run() throws {
        let window = try identity.window(note: nil)
        let knowledgeBase = try database.openExisting()
        guard try knowledgeBase.removeMaintenance(serviceID: window.serviceID, start: window.start, end: window.end) else {
            throw CLIError(.dataError, "error: no maintenance of \(MaintenanceWindowOptions.describe(window)); "
                           + "'hindsight maintenance list --service \(window.serviceID)' lists them")
        }
        try Output.confirm("Removed maintenance of \(MaintenanceWindowOptions.describe(window)).\n")
    }
}
