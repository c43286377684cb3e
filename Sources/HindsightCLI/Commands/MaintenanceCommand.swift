import ArgumentParser

/// `hindsight maintenance`: announced maintenance windows, whose time never counts as downtime.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "List, add, change or remove announced maintenance windows (checked exactly as an import is).",
        discussion: """
            A maintenance window is known by its service, start and end. Time inside it never counts \
            as downtime of that service.

            Examples:
              hindsight maintenance add checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T02:00:00Z --note "DB upgrade"
              hindsight maintenance list --service checkout
              hindsight maintenance change checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T02:00:00Z --new-end 2024-03-03T03:00:00Z
              hindsight maintenance remove checkout --start 2024-03-02T22:00:00Z \\
                --end 2024-03-03T03:00:00Z
            """,
        subcommands: [MaintenanceListCommand.self, MaintenanceAddCommand.self, MaintenanceChangeCommand.self,
                      MaintenanceRemoveCommand.self],
        defaultSubcommand: MaintenanceListCommand.self)
}
