import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight action update ID`: change an action's status, owner, priority, due date or ticket.
struct ActionUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an action's status, owner, priority, due date or ticket, or add a note to its history.",
        discussion: """
            Each changed field is appended to the action's history with --by and --note. Closing \
            (done, wont-do) records now as the completion time; reopening (open, in-progress) clears \
            it. A value the action already has changes nothing; a --note alone is recorded on its own. \
            --due always writes the date, even the one that was derived (it then stays put when the \
            incident's resolution moves); --clear due lets the derived date apply again. A new \
            --priority moves a derived due date with it.

            To record a completion at another time, use 'hindsight action done --at'.

            Examples:
              hindsight action update \\
                2019-10-30-catalogue-elasticsearch-overload/no-fetch-on-health \\
                --status in-progress --owner cms-team
              hindsight action update \\
                2019-10-30-catalogue-elasticsearch-overload/no-fetch-on-health \\
                --due 2019-12-20 --note "waits for the ES upgrade"
              hindsight action update \\
                2019-10-30-catalogue-elasticsearch-overload/cache-hit-alerts \\
                --priority high --ticket https://tracker.example/OPS-1234 --clear owner
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The action, INCIDENT-ID/ACTION-ID.", valueName: "id"), completion: .knowledgeBase(.actions))
    var id: String

    @Option(name: .long, help: ArgumentHelp("open, in-progress, done or wont-do.", valueName: "status"),
            completion: .keyword(ActionStatus.self))
    var status: String?

    @Option(name: .long, help: ArgumentHelp("The new owner.", valueName: "name"), completion: .knowledgeBase(.owners))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("high, medium or low.", valueName: "priority"),
            completion: .keyword(ActionPriority.self))
    var priority: String?

    @Option(name: .long, help: ArgumentHelp("The new due date (YYYY-MM-DD).", valueName: "date"))
    var due: String?

    @Option(name: .long, help: ArgumentHelp("The new link to a tracker.", valueName: "url"))
    var ticket: String?

    @Option(name: .long, help: ArgumentHelp("Clear owner, due (back to the derived date) or ticket (repeatable).",
                                            valueName: "field"),
            completion: .keyword(ActionUpdate.ClearableField.self))
    var clear: [String] = []

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        _ = try request()
    }

    private func request() throws -> (reference: ActionReference, update: ActionUpdate) {
        let reference = try OptionParsing.actionReference(id)
        let update = ActionUpdate(
            status: try status.map { try OptionParsing.keyword("--status", $0, ActionStatus.self) },
            owner: try owner.map { try OptionParsing.text("--owner", $0) },
            due: try due.map { try OptionParsing.value("--due", $0, CalendarDate.init(parsing:)) },
            priority: try priority.map { try OptionParsing.keyword("--priority", $0, ActionPriority.self) },
            ticket: try ticket.map { try OptionParsing.text("--ticket", $0) },
            cleared: Set(try clear.map { try OptionParsing.keyword("--clear", $0, ActionUpdate.ClearableField.self) }))
        guard !update.isEmpty || actor.note != nil else {
            throw ValidationError("nothing to change: give --status, --owner, --priority, --due, --ticket, --clear or --note")
        }
        let given: [ActionUpdate.ClearableField: Bool] = [.owner: owner != nil, .due: due != nil, .ticket: ticket != nil]
        if let both = ActionUpdate.ClearableField.allCases.first(where: { update.cleared.contains($0) && given[$0] == true }) {
            throw ValidationError("--\(both.rawValue) and --clear \(both.rawValue) contradict each other; give one of them")
        }
        return (reference, update)
    }

    func run() throws {
        let (reference, update) = try request()
        let now = Clock.now
        let change = try database.openExisting().changeAction(reference, actor: actor.actor, now: now, note: actor.note) {
            try ActionChange.update($0, update, at: now)
        }
        try Output.confirm(ActionChangeText.summary(reference, change, noted: actor.note != nil),
                           saved: change.changes.isEmpty && actor.note == nil ? nil : "the change")
    }
}
