import ArgumentParser
import HindsightCore
import HindsightStore

/// The options that pick incidents by service, start day (as days, or as a named quarter, month
/// or year) and cause, shared by the commands that look at past incidents (`incidents`, `search`,
/// `causes`) so the same words mean the same thing. Which incidents a period keeps is each
/// command's own (the day an incident started for a listing or a search; also an impact inside it
/// for `causes`, whose figures follow the report's), so the help of `--since` and `--until` leaves
/// that to the command's description.
struct IncidentScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only incidents that hit this service (repeatable: any of them).", valueName: "id"),
            completion: .knowledgeBase(.services))
    var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("The first day of the period (YYYY-MM-DD, UTC); the description above says which incidents it keeps.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("The last day of the period (YYYY-MM-DD, UTC), included.", valueName: "date"))
    var until: String?

    @OptionGroup var named: NamedPeriodOptions

    @Option(name: .long, help: ArgumentHelp("Only incidents with a factor under this cause path, e.g. cache or cache/key "
                                            + "(repeatable, matching any of them).", valueName: "path"),
            completion: .knowledgeBase(.causes))
    var cause: [String] = []

    func validate() throws {
        var filter = IncidentFilter()
        try apply(to: &filter)
    }

    /// Sets the filter's services, days (those of a named period, else `--since` and `--until`)
    /// and causes from the options.
    /// - Throws: `ValidationError` (exit 64) naming the option and what it accepts.
    func apply(to filter: inout IncidentFilter) throws {
        filter.services = try service.map(OptionParsing.serviceID)
        filter.since = try since.map { try OptionParsing.value("--since", $0, CalendarDate.init(parsing:)) }
        filter.until = try until.map { try OptionParsing.value("--until", $0, CalendarDate.init(parsing:)) }
        if let since = filter.since, let until = filter.until, until < since {
            throw ValidationError("--until \(until) is before --since \(since)")
        }
        if let period = try named.period(daysGiven: since != nil || until != nil) {
            filter.since = period.firstDay
            filter.until = period.lastDay
        }
        filter.causes = try cause.map(OptionParsing.causePath)
    }

    /// Refuses (exit 65) a `--service` that names no service of `knowledgeBase`.
    func checkServicesExist(in knowledgeBase: KnowledgeBase) throws {
        try Self.checkServicesExist(service, in: knowledgeBase)
    }

    /// Refuses (exit 65) the first of `ids`, given with `--service`, that names no service of
    /// `knowledgeBase`: the check of every command that picks incidents, actions or gaps by
    /// service.
    static func checkServicesExist(_ ids: [String], in knowledgeBase: KnowledgeBase) throws {
        for id in ids where try !knowledgeBase.serviceExists(id) {
            throw CLIError(.dataError, "error: no service with id '\(id)'; 'hindsight services' lists them")
        }
    }

    /// Refuses (exit 65) the first of `teams` that no service of `knowledgeBase` has, as an
    /// unknown `--service` is refused: a team is a service's, so one no service names is a typo
    /// (or another spelling, `cms` for `CMS`), not a team without actions or gaps. The check of
    /// every command that picks by team.
    static func checkTeamsExist(_ teams: [String], in knowledgeBase: KnowledgeBase) throws {
        guard !teams.isEmpty else { return }
        let known = try knowledgeBase.serviceTeams()
        for team in teams where !known.contains(team) {
            let teams = known.isEmpty ? "no service has a team" : "the services' teams are " + known.joined(separator: ", ")
            throw CLIError(.dataError, "error: no service has team '\(team)'; \(teams) ('hindsight services' lists them)")
        }
    }
}
