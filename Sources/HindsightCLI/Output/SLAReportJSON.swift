import HindsightCore

/// The SLA report as the JSON document of the command-line contract, plus its further sections
/// (`follow_through` last, when given). Numbers are not rounded; instants are RFC 3339 UTC;
/// durations are seconds.
enum SLAReportJSON {
    static func value(_ report: SLAReport, followThrough: FollowThrough? = nil) -> StructuredValue {
        var root = MappingBuilder()
        var period = MappingBuilder()
        period.add("label", text: report.period.label)
        period.add("start", text: report.span.start.description)
        period.add("end", text: report.span.end.description)
        period.add("timezone", text: report.timeZoneName)
        root.add("period", period.value)
        root.add("as_of", text: report.asOf.description)
        root.add("services", .sequence(report.services.map(service)))
        root.add("incidents", .sequence(report.incidents.map(incident)))
        var timing = MappingBuilder()
        timing.add("time_to_detect", summary(report.timing.toDetect))
        timing.add("time_to_mitigate", summary(report.timing.toMitigate))
        timing.add("time_to_resolve", summary(report.timing.toResolve))
        root.add("timing", timing.value)
        root.add("causes", .sequence(report.causes.map { share in
            var cause = MappingBuilder()
            cause.add("cause", text: share.cause)
            cause.add("downtime_seconds", .number(share.downtimeSeconds))
            cause.add("incidents", .sequence(share.incidentIDs.map(StructuredValue.text)))
            return cause.value
        }))
        root.add("near_misses", .sequence(report.nearMisses.map { facts in
            var nearMiss = MappingBuilder()
            nearMiss.add("id", text: facts.id)
            nearMiss.add("title", text: facts.title)
            nearMiss.add("severity", facts.severity.map { .text($0.rawValue) } ?? .null)
            nearMiss.add("started_at", text: facts.startedAt.description)
            return nearMiss.value
        }))
        root.add("follow_through", followThrough.map(FollowThroughJSON.value))
        return root.value
    }

    private static func service(_ section: ServiceSection) -> StructuredValue {
        var service = MappingBuilder()
        service.add("service", text: section.serviceID)
        service.add("period_downtime_seconds", .number(section.periodDowntimeSeconds))
        service.add("incidents", .sequence(section.incidentIDs.map(StructuredValue.text)))
        service.add("windows", .sequence(section.windows.map(window)))
        return service.value
    }

    /// One window, with the contract's fields in its order; `label` and `objective_percent` follow.
    static func window(_ evaluation: WindowEvaluation) -> StructuredValue {
        var window = MappingBuilder()
        window.add("window", text: evaluation.window.kind.rawValue)
        window.add("timezone", text: evaluation.window.timeZoneName)
        window.add("start", text: evaluation.window.span.start.description)
        window.add("end", text: evaluation.window.span.end.description)
        window.add("evaluated_until", text: evaluation.evaluatedUntil.description)
        window.add("window_seconds", .number(evaluation.windowSeconds))
        window.add("allowed_downtime_seconds", .number(evaluation.allowedDowntimeSeconds))
        window.add("downtime_seconds", .number(evaluation.downtimeSeconds))
        window.add("budget_remaining_seconds", .number(evaluation.budgetRemainingSeconds))
        window.add("budget_consumed_percent", .number(evaluation.budgetConsumedPercent))
        window.add("availability_percent", evaluation.availabilityPercent.map(StructuredValue.number) ?? .null)
        window.add("breached", .bool(evaluation.isBreached))
        window.add("credit_percent", .number(evaluation.creditPercent))
        window.add("burn_rate", evaluation.burnRate.map(StructuredValue.number) ?? .null)
        window.add("label", text: evaluation.window.label)
        window.add("objective_percent", .number(evaluation.objectivePercent))
        return window.value
    }

    private static func incident(_ line: IncidentLine) -> StructuredValue {
        var incident = MappingBuilder()
        incident.add("id", text: line.facts.id)
        incident.add("title", text: line.facts.title)
        incident.add("severity", line.facts.severity.map { .text($0.rawValue) } ?? .null)
        incident.add("started_at", text: line.facts.startedAt.description)
        incident.add("resolved_at", line.facts.resolvedAt.map { .text($0.description) } ?? .null)
        incident.add("duration_seconds", .number(line.durationSeconds))
        incident.add("downtime_seconds", .number(line.downtimeSeconds))
        incident.add("services", .sequence(line.serviceIDs.map(StructuredValue.text)))
        incident.add("contributed_to_breach", .bool(line.contributedToBreach))
        incident.add("causes", .sequence(uniqueCauses(line.facts).map(StructuredValue.text)))
        return incident.value
    }

    private static func uniqueCauses(_ facts: IncidentFacts) -> [String] {
        var causes: [String] = []
        for factor in facts.factors where !causes.contains(factor.cause) { causes.append(factor.cause) }
        return causes
    }

    private static func summary(_ summary: DistributionSummary) -> StructuredValue {
        var value = MappingBuilder()
        value.add("incidents", .integer(Int64(summary.count)))
        value.add("median_seconds", summary.median.map(StructuredValue.number) ?? .null)
        value.add("p90_seconds", summary.p90.map(StructuredValue.number) ?? .null)
        return value.value
    }
}
