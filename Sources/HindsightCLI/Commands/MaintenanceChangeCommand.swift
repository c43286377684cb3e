import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight maintenance change`.
struct MaintenanceChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Move a maintenance window or change its note.",
        discussion: """
            Name the window by its service, --start and --end; give its new times with --new-start \
            and --new-end, its new note with --note.

            Example:
              hindsight maintenance change checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T02:00:00Z --new-end 2024-03-03T03:00:00Z \\
                --note "DB upgrade, overran"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: MaintenanceWindowOptions

    @Option(name: .customLong("new-start"), help: ArgumentHelp("The new start (RFC 3339).", valueName: "instant"))
    var newStart: String?

    @Option(name: .customLong("new-end"), help: ArgumentHelp("The new end (RFC 3339).", valueName: "instant"))
    var newEnd: String?

    @Option(name: .long, help: ArgumentHelp("The new note.", valueName: "text"))
    var note: String?

    func validate() throws {
        guard newStart != nil || newEnd != nil || note != nil else {
            throw ValidationError("nothing to change: give --new-start, --new-end or --note")
        }
    }

    func run() throws {
        let old = try identity.window(note: nil)
        _ = try identity.window(start: newStart, end: newEnd, note: note)
        let knowledgeBase = try database.openExisting()
        let result: (stored: MaintenanceWindow, changed: MaintenanceWindow)?
        do {
            // Read and written in one transaction: a concurrent change is built on, not undone.
            result = try knowledgeBase.replaceMaintenance(serviceID: old.serviceID, start: old.start, end: old.end,
                                                           actor: LoginName.current, now: Clock.now) { stored in
                try identity.window(start: newStart, end: newEnd, note: note ?? stored.note)
            }
        } catch let problems as InterchangeProblems {
            throw CLIError(.dataError, problems.problems.map { "error: " + $0.message })
        } catch let taken as MaintenanceWindowTaken {
            let occupant = taken.occupant
            let remove = "hindsight maintenance remove \(occupant.serviceID) --start \(occupant.start) --end \(occupant.end)"
            throw CLIError(.dataError, "error: maintenance of \(MaintenanceWindowOptions.describe(occupant)) is already "
                           + "recorded, so \(taken.moved.start) to \(taken.moved.end) cannot move there (a window is known "
                           + "by its service, start and end); to move it anyway, remove that one first with '\(remove)'")
        }
        guard let result else {
            throw CLIError(.dataError, "error: no maintenance of \(MaintenanceWindowOptions.describe(old)); "
                           + "'hindsight maintenance list --service \(old.serviceID)' lists them")
        }
        guard result.changed != result.stored else {
            try Output.write("Nothing to change: maintenance of \(MaintenanceWindowOptions.describe(result.stored)) "
                             + "already has these times and note.\n")
            return
        }
        try Output.confirm("Changed maintenance to \(MaintenanceWindowOptions.describe(result.changed)).\n")
    }
}
