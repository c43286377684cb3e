import ArgumentParser

/// The root of the command tree.
public struct HindsightCommand: ParsableCommand {
    /// The version `hindsight --version` prints.
    public static let version = "0.1.0"

    /// The name, help text, version and subcommands of `hindsight`.
    public static let configuration = CommandConfiguration(
        commandName: "hindsight",
        abstract: "A reliability knowledge base: incidents, their causes, SLA budgets and the actions that followed.",
        discussion: """
            Try it on the seed postmortems:
              hindsight demo
            Start your own knowledge base:
              hindsight import postmortems/
              hindsight incidents --cause cache
            """,
        version: version,
        subcommands: [
            DemoCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self,
            ServicesCommand.self, IncidentsCommand.self, IncidentCommand.self, SearchCommand.self, CausesCommand.self,
            SimilarCommand.self, ReportCommand.self, BudgetCommand.self, SLACommand.self, MaintenanceCommand.self,
            ActionCommand.self, ActionsCommand.self, FollowupCommand.self, GapsCommand.self, GenerateCommand.self,
            DoctorCommand.self, BackupCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser needs this).
    public init() {}
}
