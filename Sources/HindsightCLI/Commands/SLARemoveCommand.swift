import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight sla remove`: removes one stored SLA of a service.
struct SLARemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove one of a service's SLAs, with its credit tiers.",
        discussion: """
            The SLA is picked as 'hindsight sla change' picks it: by --effective-from (its first \
            day, or 'always'), which may be left out when the service has only one SLA. Reports \
            then judge the service's windows by the SLAs left; its incidents stay. To fix an SLA's \
            first day, remove it and add it again with the right --from.

            Example:
              hindsight sla remove checkout --effective-from 2025-01-01
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var pick: SLAPickOptions

    /// `sla add`'s name for the first day: taken only to say which option picks the SLA, rather
    /// than a bare "unknown option".
    @Option(name: .long, help: .hidden)
    var from: String?

    func validate() throws {
        if from != nil {
            throw ValidationError("--from: pick the SLA to remove by its first day with --effective-from DATE "
                + "(or --effective-from always)")
        }
    }

    func run() throws {
        let service = pick.service
        let knowledgeBase = try database.openExisting()
        guard try knowledgeBase.serviceExists(service) else {
            throw CLIError(.dataError, "error: no service with id '\(service)'; 'hindsight services' lists them")
        }
        // Picked inside the removal's transaction: an SLA changed or removed meanwhile is seen as it is now.
        let choice = pick.choice(whenNone: "'hindsight services' lists the SLAs")
        guard let removed = try knowledgeBase.removeSLA(serviceID: service, choice.pick(from:)) else {
            throw CLIError(.failure, "error: the SLA of \(service) picked to remove was not found; nothing was removed")
        }
        try Output.confirm("Removed the SLA of \(service): \(SLAText.describe(removed)).\n", saved: "the removal")
    }
}
