import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight action update ID`: change an action's status, owner or due date.
struct ActionUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an action's status, owner or due date, or add a note to its history.",
        discussion: """
            Each changed field is appended to the action's history with --by and --note. Closing \
            (done, wont-do) records now as the completion time; reopening (open, in-progress) clears \
            it. A value the action already has changes nothing; a --note alone is recorded on its own. \
            --due always writes the date, even the one that was derived (it then stays put when the \
            incident's resolution moves). \
            To record a completion at another time, use 'hindsight action done --at'.

            Examples:
              hindsight action update \\
                2019-10-30-catalogue-elasticsearch-overload/no-fetch-on-health \\
                --status in-progress --owner cms-team
              hindsight action update \\
                2019-10-30-catalogue-elasticsearch-overload/no-fetch-on-health \\
                --due 2019-12-20 --note "waits for the ES upgrade"
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The action, INCIDENT-ID/ACTION-ID.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("open, in-progress, done or wont-do.", valueName: "status"))
    var status: String?

    @Option(name: .long, help: ArgumentHelp("The new owner.", valueName: "name"))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("The new due date (YYYY-MM-DD).", valueName: "date"))
    var due: String?

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        _ = try request()
    }

    private func request() throws -> (reference: ActionReference, status: ActionStatus?, owner: String?, due: CalendarDate?) {
        let reference = try OptionParsing.actionReference(id)
        guard status != nil || owner != nil || due != nil || actor.note != nil else {
            throw ValidationError("nothing to change: give --status, --owner, --due or --note")
        }
        return (reference, try status.map { try OptionParsing.keyword("--status", $0, ActionStatus.self) },
                try owner.map { try OptionParsing.text("--owner", $0) },
                try due.map { try OptionParsing.value("--due", $0, CalendarDate.init(parsing:)) })
    }

    func run() throws {
        let (reference, status, owner, due) = try request()
        let now = Clock.now
        let change = try database.openExisting().changeAction(reference, actor: actor.actor, now: now, note: actor.note) {
            try ActionChange.update($0, status: status, owner: owner, due: due, at: now)
        }
        try Output.confirm(ActionChangeText.summary(reference, change, noted: actor.note != nil),
                           saved: change.changes.isEmpty && actor.note == nil ? nil : "the change")
    }
}
