import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight action add INCIDENT`: a new corrective action for an incident.
struct ActionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a corrective action to an incident.",
        discussion: """
            The values are checked by the rules of an import. Without --id the id is made from the \
            title (lower case, words joined by '-', with -2, -3… when taken). Without --due the due \
            date is derived from the day the incident was resolved: 28 days for high priority, 56 \
            for medium, none for low or while the incident is unresolved.

            Example:
              hindsight action add 2023-05-16-url-shortener-json-load \\
                --title "Smoke-test every release" --kind prevent \\
                --addresses no-staging-step --owner web-team --priority high
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The incident's id.", valueName: "incident"), completion: .knowledgeBase(.incidents))
    var incident: String

    @Option(name: .long, help: ArgumentHelp("What is to be done.", valueName: "text"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("prevent, mitigate, detect, process or investigate.", valueName: "kind"),
            completion: .keyword(ActionKind.self))
    var kind: String

    @Option(name: .long, help: ArgumentHelp("The action's id within the incident (default: made from the title).", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("A factor of the incident the action addresses (repeatable).", valueName: "factor-id"),
            completion: .knowledgeBaseFactors)
    var addresses: [String] = []

    @Option(name: .long, help: ArgumentHelp("Who owns it: a person or a team.", valueName: "name"),
            completion: .knowledgeBase(.owners))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("high, medium (default) or low.", valueName: "priority"),
            completion: .keyword(ActionPriority.self))
    var priority: String?

    @Option(name: .long, help: ArgumentHelp("The due date (YYYY-MM-DD); default derived as above.", valueName: "date"))
    var due: String?

    @Option(name: .long, help: ArgumentHelp("A link to a tracker.", valueName: "url"))
    var ticket: String?

    @OptionGroup var actor: ActorOptions

    static let optionNames = ["id": "--id", "title": "--title", "kind": "--kind", "owner": "--owner",
                              "priority": "--priority", "due": "--due", "ticket": "--ticket"]

    func validate() throws {
        _ = try OptionParsing.value("INCIDENT", incident) { try Identifier.validate($0); return $0 }
        // As 'action update --owner' and the listing's filter refuse it: an empty owner or link
        // would be stored as a value that names no one and nothing, and no filter could find it.
        if let owner { _ = try OptionParsing.text("--owner", owner) }
        if let ticket { _ = try OptionParsing.text("--ticket", ticket) }
    }

    /// The action the options describe, checked by the import's rules (addresses are checked
    /// against the incident's factors when it is stored).
    private func action(id: String) throws -> RemediationAction {
        var fields = [CommandLineField("id", .text(id)), CommandLineField("title", .text(title)),
                      CommandLineField("kind", .word(kind))]
        if let owner { fields.append(CommandLineField("owner", .text(owner))) }
        if let priority { fields.append(CommandLineField("priority", .word(priority))) }
        if let due { fields.append(CommandLineField("due", .word(due))) }
        if let ticket { fields.append(CommandLineField("ticket", .text(ticket))) }
        var action: RemediationAction
        do {
            action = try CommandLineRecord.action(fields, factors: [])
        } catch let problems as InterchangeProblems {
            throw CommandLineProblems.error(problems, options: Self.optionNames)
        }
        for factorID in addresses {
            _ = try OptionParsing.value("--addresses", factorID) { try Identifier.validate($0); return $0 }
        }
        if let repeated = addresses.first(where: { factorID in addresses.filter { $0 == factorID }.count > 1 }) {
            throw ValidationError("--addresses names factor '\(repeated)' twice")
        }
        action.addresses = addresses
        return action
    }

    func run() throws {
        // The options are checked before the knowledge base is opened, as the argument parser
        // checks its own. An id made from the title is settled in the transaction that adds the
        // action, so that processes adding actions of one title at once each get one of their own.
        let checked = try action(id: id ?? ActionSlug.from(title: title))
        let added = try database.openExisting().addAction(checked, toIncident: incident, uniqueID: id == nil,
                                                          actor: actor.actor, now: Clock.now, note: actor.note)
        let due = added.effectiveDue.map { "due \($0)\(added.isDueDerived ? " (derived)" : "")" }
            ?? (added.incidentResolvedAt == nil && added.action.priority != .low
                ? "no due date until the incident is resolved" : "no due date")
        try Output.confirm("Added \(added.globalID): \(due).\n")
    }
}
