/// Writes records in the interchange format's structure, in its key order, with defaults
/// resolved: instants in UTC, durations as whole seconds, absent optional fields left out.
public enum InterchangeEncoder {
    /// A whole document.
    public static func document(services: [Service], slas: [ServiceLevelAgreement],
                                maintenance: [MaintenanceWindow], incidents: [Incident]) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("version", .integer(Int64(InterchangeDecoder.version)))
        builder.add("services", list: services.map(encode))
        builder.add("slas", list: slas.map(encode))
        builder.add("maintenance", list: maintenance.map(encode))
        builder.add("incidents", list: incidents.map(encode))
        return builder.value
    }

    /// One service.
    public static func encode(_ service: Service) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("id", text: service.id)
        builder.add("name", text: service.name)
        builder.add("team", text: writtenOrNone(service.team))
        builder.add("tier", service.tier.map { .integer(Int64($0)) })
        builder.add("description", text: service.description)
        return builder.value
    }

    /// One SLA.
    public static func encode(_ sla: ServiceLevelAgreement) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("service", text: sla.serviceID)
        switch sla.allowance {
        case .fixed(let span): builder.add("allowed_downtime", text: span.description)
        case .objective(let percent): builder.add("objective", .number(percent))
        }
        builder.add("window", text: sla.window.rawValue)
        builder.add("timezone", text: sla.timeZone)
        builder.add("effective_from", text: sla.effectiveFrom?.description)
        builder.add("effective_until", text: sla.effectiveUntil?.description)
        builder.add("partial", text: sla.partial.rawValue)
        builder.add("credits", list: sla.credits.map { tier in
            .mapping([.init("below", .number(tier.belowPercent)), .init("credit_percent", .number(tier.creditPercent))])
        })
        return builder.value
    }

    /// One maintenance window.
    public static func encode(_ window: MaintenanceWindow) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("service", text: window.serviceID)
        builder.add("start", text: window.start.description)
        builder.add("end", text: window.end.description)
        builder.add("note", text: window.note)
        return builder.value
    }

    /// One incident with all its parts.
    public static func encode(_ incident: Incident) -> StructuredValue {
        var builder = MappingBuilder()
        builder.add("id", text: incident.id)
        builder.add("title", text: incident.title)
        builder.add("severity", text: incident.severity?.rawValue)
        builder.add("near_miss", incident.nearMiss ? .bool(true) : nil)
        builder.add("detection", text: incident.detection?.rawValue)
        builder.add("started_at", text: incident.startedAt.description)
        builder.add("detected_at", text: incident.detectedAt?.description)
        builder.add("mitigated_at", text: incident.mitigatedAt?.description)
        builder.add("resolved_at", text: incident.resolvedAt?.description)
        builder.add("summary", text: incident.summary)
        builder.add("source", text: incident.source)
        builder.add("tags", list: incident.tags.map(StructuredValue.text))
        builder.add("impacts", list: incident.impacts.map { impact in
            var impactBuilder = MappingBuilder()
            impactBuilder.add("service", text: impact.serviceID)
            impactBuilder.add("start", text: impact.start.description)
            impactBuilder.add("end", text: impact.end?.description)
            impactBuilder.add("fraction", .number(impact.fraction))
            impactBuilder.add("note", text: impact.note)
            return impactBuilder.value
        })
        builder.add("factors", list: incident.factors.map { factor in
            var factorBuilder = MappingBuilder()
            factorBuilder.add("id", text: factor.id)
            factorBuilder.add("title", text: factor.title)
            factorBuilder.add("cause", text: factor.cause)
            factorBuilder.add("role", text: factor.role.rawValue)
            factorBuilder.add("introduced_at", text: factor.introducedAt?.description)
            factorBuilder.add("description", text: factor.description)
            return factorBuilder.value
        })
        builder.add("actions", list: incident.actions.map { action in
            var actionBuilder = MappingBuilder()
            actionBuilder.add("id", text: action.id)
            actionBuilder.add("title", text: action.title)
            actionBuilder.add("kind", text: action.kind.rawValue)
            actionBuilder.add("addresses", list: action.addresses.map(StructuredValue.text))
            actionBuilder.add("owner", text: writtenOrNone(action.owner))
            actionBuilder.add("priority", text: action.priority.rawValue)
            actionBuilder.add("due", text: action.due?.description)
            actionBuilder.add("status", text: action.status.rawValue)
            actionBuilder.add("completed_at", text: action.completedAt?.description)
            actionBuilder.add("ticket", text: writtenOrNone(action.ticket))
            return actionBuilder.value
        })
        builder.add("timeline", list: incident.timeline.map { event in
            .mapping([.init("at", .text(event.at.description)), .init("text", .text(event.text))])
        })
        return builder.value
    }

    /// A team, owner or ticket as the format writes it: left out when empty, which the importer
    /// refuses (leave the key out when there is none) and which a file imported before it did
    /// may still hold; the two mean the same, nobody named.
    private static func writtenOrNone(_ text: String?) -> String? {
        text?.isEmpty == true ? nil : text
    }
}
