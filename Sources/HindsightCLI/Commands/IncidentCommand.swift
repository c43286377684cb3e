import ArgumentParser

/// `hindsight incident`: commands about one incident. `show` is implied, so `hindsight incident ID`
/// shows it; a subcommand's name in that place is always the subcommand, so an incident whose id is
/// `remove` is shown with `incident show remove`, and `incident remove` alone is refused for want
/// of an id rather than taken as one.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Show or remove one incident.",
        discussion: """
            'hindsight incident ID' is 'hindsight incident show ID'. A word that names a subcommand \
            is never taken for an id: 'hindsight incident show remove' shows an incident named \
            remove.

            Examples:
              hindsight incident show 2019-10-30-catalogue-elasticsearch-overload
              hindsight incident remove 2023-05-16-url-shortener-json-load
            """,
        subcommands: [IncidentShowCommand.self, IncidentRemoveCommand.self],
        defaultSubcommand: IncidentShowCommand.self)
}
