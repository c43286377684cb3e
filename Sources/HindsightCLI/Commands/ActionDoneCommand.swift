import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight action done ID`: mark an action done.
struct ActionDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark an action done, now or at the instant it was finished.",
        discussion: """
            --at takes an RFC 3339 instant (default now); it may not lie in the future, before the \
            action was created or before its incident started. An action that is already done is \
            refused (exit 65) and left as it is; reopen it first to record a new completion.

            Examples:
              hindsight action done \\
                2019-10-30-catalogue-elasticsearch-overload/upgrade-elasticsearch
              hindsight action done \\
                2019-10-30-catalogue-elasticsearch-overload/upgrade-elasticsearch \\
                --at 2019-11-04T16:00:00+01:00 --note "deployed"
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The action, INCIDENT-ID/ACTION-ID.", valueName: "id"), completion: .knowledgeBase(.actions))
    var id: String

    @Option(name: .long, help: ArgumentHelp("When it was finished (RFC 3339, e.g. 2019-11-04T16:00:00Z); default now.",
                                            valueName: "instant"))
    var at: String?

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        _ = try request(now: Clock.now)
    }

    private func request(now: Instant) throws -> (reference: ActionReference, completedAt: Instant) {
        let reference = try OptionParsing.actionReference(id)
        guard let at else { return (reference, now) }
        let completedAt = try OptionParsing.value("--at", at, Instant.init(parsing:))
        guard completedAt <= now else { throw ValidationError("--at \(completedAt) is in the future; give the instant the work was finished") }
        return (reference, completedAt)
    }

    func run() throws {
        let now = Clock.now
        let (reference, completedAt) = try request(now: now)
        let change = try database.openExisting().changeAction(reference, actor: actor.actor, now: now, note: actor.note) {
            try ActionChange.markDone($0, at: completedAt)
        }
        try Output.confirm(ActionChangeText.summary(reference, change, noted: actor.note != nil),
                           saved: change.changes.isEmpty && actor.note == nil ? nil : "the change")
    }
}
