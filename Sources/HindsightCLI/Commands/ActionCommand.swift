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

            Examples:
              hindsight action add 2019-10-30-catalogue-elasticsearch-overload --title "Load-test the catalogue" --kind prevent
              hindsight action update 2019-10-30-catalogue-elasticsearch-overload/load-test-the-catalogue --status in-progress
              hindsight action done 2019-10-30-catalogue-elasticsearch-overload/load-test-the-catalogue --note "runs weekly"
              hindsight action show 2019-10-30-catalogue-elasticsearch-overload/load-test-the-catalogue
            """,
        subcommands: [ActionShowCommand.self, ActionAddCommand.self, ActionUpdateCommand.self, ActionDoneCommand.self],
        defaultSubcommand: ActionShowCommand.self)
}
