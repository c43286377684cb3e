import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight actions`: corrective actions, overdue ones first.
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List corrective actions, most overdue first.",
        discussion: """
            An action is overdue on a day D when its due date (written, or derived from the day its \
            incident was resolved: 28 days for high priority, 56 for medium) is before D and it was \
            still open on D: open or in progress, or closed on D or later. --as-of D judges a past \
            day the same way (default: today, UTC) and lists only the actions there by the end of \
            D: one added with 'action add' from the UTC day it was added, one that came with its \
            postmortem from the day its incident started. Sorted by days overdue (D − due), most first, \
            then by due date, then id. --service and --team keep the actions of incidents that hit \
            the service, or a service of the team (as 'followup --by team' counts them); --cause \
            those that address a factor under the cause path, segment by segment ('cache' matches \
            cache/key but not cachet); --due-by those whose due date, written or derived, is on or \
            before the day. Repeated --owner, --status, --kind, --priority, --service, --team or \
            --cause options match any of them.

            Examples:
              hindsight actions --overdue
              hindsight actions --owner cms-team --status open --status in-progress
              hindsight actions --unowned --status open --status in-progress
              hindsight actions --overdue --as-of 2020-01-31 --format json
              hindsight actions --team CMS --cause deploy --due-by 2019-12-31 --status open
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Only actions overdue on the --as-of day.")
    var overdue = false

    @OptionGroup var asOf: AsOfDayOptions

    @Option(name: .long, help: ArgumentHelp("Only actions with this owner.", valueName: "name"),
            completion: .knowledgeBase(.owners))
    var owner: [String] = []

    @Flag(name: .long, help: "Only actions that nobody owns.")
    var unowned = false

    @Option(name: .long, help: ArgumentHelp("Only actions with this status: open, in-progress, done or wont-do.", valueName: "status"),
            completion: .keyword(ActionStatus.self))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only actions of this incident.", valueName: "id"),
            completion: .knowledgeBase(.incidents))
    var incident: String?

    @Option(name: .long, help: ArgumentHelp("Only actions of this kind: prevent, mitigate, detect, process or investigate.",
                                            valueName: "kind"),
            completion: .keyword(ActionKind.self))
    var kind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only actions of this priority: high, medium or low.", valueName: "priority"),
            completion: .keyword(ActionPriority.self))
    var priority: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only actions of incidents that hit this service.", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only actions of incidents that hit a service of this team.", valueName: "name"),
            completion: .knowledgeBase(.teams))
    var team: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only actions addressing a factor under this cause path, e.g. cache or cache/key.",
                                            valueName: "path"), completion: .knowledgeBase(.causes))
    var cause: [String] = []

    @Option(name: .customLong("due-by"),
            help: ArgumentHelp("Only actions due on or before this day (YYYY-MM-DD), written or derived.", valueName: "date"))
    var dueBy: String?

    func validate() throws {
        _ = try request(today: Clock.now.utcDate)
    }

    private func request(today: CalendarDate) throws -> (filter: ActionFilter, day: CalendarDate) {
        var filter = ActionFilter()
        filter.incidentID = try incident.map { try OptionParsing.value("--incident", $0) { try Identifier.validate($0); return $0 } }
        filter.owners = try owner.map { try OptionParsing.text("--owner", $0) }
        if unowned && !owner.isEmpty { throw ValidationError("give --owner or --unowned, not both") }
        filter.unownedOnly = unowned
        filter.statuses = try status.map { try OptionParsing.keyword("--status", $0, ActionStatus.self) }
        filter.kinds = try kind.map { try OptionParsing.keyword("--kind", $0, ActionKind.self) }
        filter.priorities = try priority.map { try OptionParsing.keyword("--priority", $0, ActionPriority.self) }
        filter.services = try service.map(OptionParsing.serviceID)
        // A service's team is free text, so an empty one is an unset variable, not a team.
        filter.teams = try team.map { try OptionParsing.text("--team", $0) }
        filter.causes = try cause.map(OptionParsing.causePath)
        filter.dueBy = try dueBy.map { try OptionParsing.value("--due-by", $0, CalendarDate.init(parsing:)) }
        let day = try asOf.day(today: today)
        if overdue { filter.overdueOn = day }
        // Only a day asked for leaves out the actions created after it: today's listing shows
        // every action, also one whose creation lies ahead (an imported incident dated in the
        // future counts its actions from its start).
        if asOf.asOf != nil { filter.createdBy = day }
        return (filter, day)
    }

    /// The CSV header: the fields of the JSON records, in their order.
    static let csvFields = ["id", "title", "status", "due", "overdue", "days_overdue", "due_derived", "incident", "action", "kind", "priority", "owner", "addresses", "created_at", "completed_at", "ticket"]

    func run() throws {
        let (filter, day) = try request(today: Clock.now.utcDate)
        let knowledgeBase = try database.open(.readOnly)
        if let incident, try !knowledgeBase.incidentExists(incident) { throw ActionError.unknownIncident(incident) }
        try IncidentScopeOptions.checkServicesExist(service, in: knowledgeBase)
        try IncidentScopeOptions.checkTeamsExist(filter.teams, in: knowledgeBase)
        let tracked = try knowledgeBase.trackedActions(matching: filter)
        // Read in their order, not copied into it: a sorted copy of a whole history's actions is
        // tens of megabytes held beside the original.
        let actions = OverdueOrder.positions(of: tracked, on: day).lazy.map { tracked[$0] }
        if actions.isEmpty && output.format == .table {
            Output.writeError(overdue ? "No action is overdue on \(day).\n" : "No actions match.\n")
            return
        }
        try Self.listing(on: day).print(actions, format: output.format)
        if output.format == .table {
            Output.writeError("Overdue as of \(day); * marks due dates derived from the incident's resolution.\n")
        }
    }

    /// The listing's columns, cells and JSON object of an action, judged on `day`.
    static func listing(on day: CalendarDate) -> RecordListing<TrackedAction> {
        RecordListing(
            columns: [.init("OVERDUE", alignRight: true), .init("DUE"), .init("STATUS"), .init("PRI"),
                      .init("OWNER", maxWidth: 20), .init("ID"), .init("TITLE", maxWidth: 60)],
            cells: { tracked in
                [tracked.daysOverdue(on: day).map { "\($0)d" } ?? "",
                 tracked.effectiveDue.map { $0.description + (tracked.isDueDerived ? "*" : "") } ?? "",
                 tracked.action.status.rawValue, tracked.action.priority.rawValue, tracked.action.owner ?? "",
                 tracked.globalID, tracked.action.title]
            },
            json: { ActionListingJSON.action($0, on: day) },
            csvFields: csvFields)
    }
}
