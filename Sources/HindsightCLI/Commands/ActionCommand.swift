import ArgumentParser

/// `hindsight action`: commands about one corrective action.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add, change, complete or show one corrective action.",
        discussion: """
            Actions are named INCIDENT-ID/ACTION-ID. Every change is appended to the action's \
            history: when, by whom (--by, default your login name), what changed from what to what, \
            and the --note.

            Examples (for an incident with id 2024-03-01-api-outage):
              hindsight action add 2024-03-01-api-outage --title "Load-test the API" \\
                --kind prevent --id load-test
              hindsight action update 2024-03-01-api-outage/load-test --status in-progress
              hindsight action done 2024-03-01-api-outage/load-test --note "runs weekly"
              hindsight action show 2024-03-01-api-outage/load-test
            """,
        subcommands: [ActionShowCommand.self, ActionAddCommand.self, ActionUpdateCommand.self, ActionDoneCommand.self],
        defaultSubcommand: ActionShowCommand.self)
}
