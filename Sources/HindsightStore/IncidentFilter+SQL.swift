import GRDB
import HindsightCore

extension IncidentFilter {
    /// The filter as an SQL condition on the `incident` table (true for every incident when the
    /// filter is empty), with its arguments. ``repeatsOnly`` is not part of it: the repeat rule
    /// is computed in Swift by ``RepeatScan``.
    func sqlCondition() -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !services.isEmpty {
            conditions.append("EXISTS (SELECT 1 FROM impact WHERE impact.incident_pk = incident.pk AND impact.service_id IN (\(placeholders(services.count))))")
            _ = arguments.append(contentsOf: StatementArguments(services))
        }
        if let since {
            conditions.append("incident.started_at >= ?")
            _ = arguments.append(contentsOf: [since.startInstantUTC.databaseValue])
        }
        if let until {
            conditions.append("incident.started_at < ?")
            _ = arguments.append(contentsOf: [until.adding(days: 1).startInstantUTC.databaseValue])
        }
        if !causes.isEmpty || !roles.isEmpty {
            // One EXISTS for paths and roles together: with both, one and the same factor must
            // lie under one of the paths and have one of the roles.
            var factorTests: [String] = []
            if !causes.isEmpty {
                let test = CausePathSQL.atOrUnderAny("factor.cause", causes)
                factorTests.append(test.sql)
                _ = arguments.append(contentsOf: test.arguments)
            }
            if !roles.isEmpty {
                factorTests.append("factor.role IN (\(placeholders(roles.count)))")
                _ = arguments.append(contentsOf: StatementArguments(roles.map(\.rawValue)))
            }
            conditions.append("EXISTS (SELECT 1 FROM factor WHERE factor.incident_pk = incident.pk AND \(factorTests.joined(separator: " AND ")))")
        }
        if let nearMiss {
            conditions.append("incident.near_miss = ?")
            _ = arguments.append(contentsOf: [nearMiss ? 1 : 0])
        }
        if !detections.isEmpty {
            conditions.append("incident.detection IN (\(placeholders(detections.count)))")
            _ = arguments.append(contentsOf: StatementArguments(detections.map(\.rawValue)))
        }
        if !tags.isEmpty {
            conditions.append("EXISTS (SELECT 1 FROM incident_tag WHERE incident_tag.incident_pk = incident.pk AND incident_tag.tag IN (\(placeholders(tags.count))))")
            _ = arguments.append(contentsOf: StatementArguments(tags))
        }
        if !severities.isEmpty {
            conditions.append("incident.severity IN (\(placeholders(severities.count)))")
            _ = arguments.append(contentsOf: StatementArguments(severities.map(\.rawValue)))
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }
}
