import ArgumentParser

/// `hindsight sla`: add, change and remove SLAs from the command line.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract: "Add, change or remove a service's SLAs (checked exactly as an import is).",
        discussion: """
            'hindsight services' lists the SLAs. A service may have several over disjoint periods; \
            each is known by its service and its first day (--from; none means "since always").

            Examples:
              hindsight sla add checkout --objective 99.95 --window month \\
                --tz Europe/Prague --credit 99.95:10 --credit 99:25
              hindsight sla change checkout --until 2024-12-31
              hindsight sla add checkout --from 2025-01-01 --objective 99.99 \\
                --window quarter
              hindsight sla remove checkout --effective-from 2025-01-01
            """,
        subcommands: [SLAAddCommand.self, SLAChangeCommand.self, SLARemoveCommand.self])
}
