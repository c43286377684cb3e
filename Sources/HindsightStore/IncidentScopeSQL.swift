import GRDB

/// The conditions on the `incident` table that pick incidents by the services and teams they hit,
/// shared by the queries of actions and of gaps so that `--service` and `--team` mean the same in
/// both, and the same as in `incidents`.
enum IncidentScopeSQL {
    /// A condition true when the incident hit one of `services` (as `incidents --service` picks
    /// it), with its arguments; true for every incident when `services` is empty.
    static func hitAnyService(_ services: [String]) -> (sql: String, arguments: StatementArguments) {
        var incidents = IncidentFilter()
        incidents.services = services
        return incidents.sqlCondition()
    }

    /// A condition true when the incident hit a service of one of `teams` (the teams of
    /// ``ActionReader/incidentTeams``), with its arguments; true for every incident when `teams` is empty.
    static func hitAnyTeam(_ teams: [String]) -> (sql: String, arguments: StatementArguments) {
        guard !teams.isEmpty else { return ("1", []) }
        return ("(" + teams.map { _ in "? IN \(ActionReader.incidentTeams)" }.joined(separator: " OR ") + ")",
                StatementArguments(teams))
    }
}
