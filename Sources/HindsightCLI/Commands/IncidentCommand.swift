import ArgumentParser

/// `hindsight incident`: commands about one incident.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Show one incident.",
        subcommands: [IncidentShowCommand.self],
        defaultSubcommand: IncidentShowCommand.self)
}
