import HindsightCore

/// The full account of one incident, as terminal text, Markdown or JSON.
enum IncidentDetail {
    /// Plain text for a terminal: a heading, labelled times, then one section per part.
    /// `repeated` are the links from this incident's factors to the earlier factors they repeat;
    /// `repeatedBy` the links from later factors that repeat this incident's factors; `charges`
    /// what the incident cost each SLA window its impacts reach, judged at `now`.
    static func text(_ incident: Incident, now: Instant, repeated: [RepeatLink] = [], repeatedBy: [RepeatLink] = [],
                     charges: [IncidentWindowCharge] = []) -> String {
        let today = now.utcDate
        let safe = { (text: String) in TerminalText.neutralised(text, keepNewlines: true) }
        // A line break in a one-line field (a title, a timeline entry) is kept, and the lines after
        // it are indented under the field's text, so that it does not read as the next item.
        let hanging = { (text: String, indent: Int) in
            safe(text).split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + String(repeating: " ", count: indent))
        }
        var lines: [String] = []
        let title = safe(incident.title)
        lines.append(title)
        let widest = title.split(separator: "\n").map(\.count).max() ?? 0
        lines.append(String(repeating: "═", count: min(max(widest, 20), 100)))
        var facts = ["id \(incident.id)", incident.state.rawValue]
        if let severity = incident.severity { facts.append(severity.rawValue) }
        if incident.nearMiss { facts.append("near miss") }
        if let detection = incident.detection { facts.append("detected by \(detection.rawValue)") }
        lines.append(facts.joined(separator: " · "))
        if !incident.tags.isEmpty { lines.append("tags: " + safe(incident.tags.joined(separator: ", "))) }
        lines.append("")
        for (label, instant) in timeRows(incident) { lines.append("  \(label.padding(11))\(instant)") }
        if let summary = incident.summary {
            lines.append("")
            lines.append(contentsOf: safe(summary).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        if let source = incident.source { lines.append("source: \(safe(source))") }
        if !incident.impacts.isEmpty {
            lines.append("")
            lines.append("Impact")
            for impact in incident.impacts {
                lines.append("  \(impact.serviceID)  \(impactSpan(impact))  \(percent(impact.fraction)) failing"
                             + (impact.note.map { "  — " + hanging($0, 4) } ?? ""))
            }
        }
        lines.append("")
        lines.append("SLA budget")
        if incident.impacts.isEmpty {
            lines.append("  No impact recorded, so no SLA budget used.")
        }
        for charge in charges {
            lines.append("  \(charge.serviceID)  \(SLAText.describe(charge.evaluation.sla))  \(charge.evaluation.window.label)  "
                         + budgetText(charge))
        }
        let uncharged = unchargedServices(incident, charges: charges, now: now)
        if !uncharged.uncovered.isEmpty {
            lines.append("  \(uncharged.uncovered.joined(separator: ", ")): no SLA in force at the time of the impact")
        }
        if !uncharged.future.isEmpty {
            lines.append("  \(uncharged.future.joined(separator: ", ")): the impact begins after now, so nothing is charged yet")
        }
        if !incident.factors.isEmpty {
            lines.append("")
            lines.append("Contributing factors")
            for factor in incident.factors {
                var heading = "  [\(factor.role.rawValue)] \(factor.cause): " + hanging(factor.title, 4)
                if let introduced = factor.introducedAt {
                    heading += " (introduced \(introduced), latent \(LatentAge(introduced: introduced, start: incident.startedAt)))"
                }
                lines.append(heading)
                lines.append("    id \(factor.id)")
                if let description = factor.description {
                    lines.append(contentsOf: safe(description).split(separator: "\n").map { "    " + $0 })
                }
            }
        }
        if !repeated.isEmpty || !repeatedBy.isEmpty {
            lines.append("")
            lines.append("Repeats")
            for link in repeated {
                lines.append("  \(link.later.factorID) repeats \(link.earlier.incidentID)/\(link.earlier.factorID)"
                             + " (\(link.earlier.cause), \(link.sharedServices.joined(separator: ", ")))")
            }
            for link in repeatedBy {
                lines.append("  \(link.earlier.factorID) repeated by \(link.later.incidentID)/\(link.later.factorID)"
                             + " (\(link.later.cause), \(link.sharedServices.joined(separator: ", ")))")
            }
        }
        if !incident.actions.isEmpty {
            lines.append("")
            lines.append("Actions")
            for action in incident.actions {
                lines.append("  [\(action.status.rawValue)] " + hanging(action.title, 4))
                var facts = ["\(incident.id)/\(action.id)", action.kind.rawValue, "\(action.priority.rawValue) priority"]
                if let owner = action.owner { facts.append("owner \(safe(owner))") }
                if let due = action.effectiveDue(incidentResolvedAt: incident.resolvedAt) {
                    facts.append("due \(due)\(action.due == nil ? " (derived)" : "")")
                    if action.isOverdue(on: today, incidentResolvedAt: incident.resolvedAt) { facts.append("OVERDUE") }
                }
                if let completed = action.completedAt { facts.append("closed \(completed)") }
                if !action.addresses.isEmpty { facts.append("addresses \(action.addresses.joined(separator: ", "))") }
                if let ticket = action.ticket { facts.append(safe(ticket)) }
                lines.append("    " + facts.joined(separator: " · "))
            }
        }
        if !incident.timeline.isEmpty {
            lines.append("")
            lines.append("Timeline (UTC)")
            for event in incident.timeline {
                let prefix = "  \(event.at)  "
                lines.append(prefix + hanging(event.text, prefix.count))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown for a review document. Stored text is escaped for Markdown (see
    /// ``Listing/markdownInline(_:)``): the title stays one heading and each timeline entry one item,
    /// however many lines they hold, and the summary keeps its paragraphs.
    static func markdown(_ incident: Incident, now: Instant, repeated: [RepeatLink] = [], repeatedBy: [RepeatLink] = [],
                         charges: [IncidentWindowCharge] = []) -> String {
        TerminalText.neutralised(markdownText(incident, now: now, repeated: repeated, repeatedBy: repeatedBy, charges: charges),
                                 keepNewlines: true)
    }

    private static func markdownText(_ incident: Incident, now: Instant, repeated: [RepeatLink], repeatedBy: [RepeatLink],
                                     charges: [IncidentWindowCharge]) -> String {
        let today = now.utcDate
        var out = "## \(Listing.markdownInline(incident.title))\n\n"
        var facts = ["**id** `\(incident.id)`", "**state** \(incident.state.rawValue)"]
        if let severity = incident.severity { facts.append("**severity** \(severity.rawValue)") }
        if incident.nearMiss { facts.append("**near miss**") }
        if let detection = incident.detection { facts.append("**detected by** \(detection.rawValue)") }
        out += facts.joined(separator: " · ") + "\n\n"
        if !incident.tags.isEmpty { out += "**tags** " + Listing.markdownInline(incident.tags.joined(separator: ", ")) + "\n\n" }
        for (label, instant) in timeRows(incident) { out += "- \(label): \(instant)\n" }
        if let summary = incident.summary { out += "\n\(Listing.markdownParagraph(summary))\n" }
        if let source = incident.source { out += "\n**source** \(Listing.markdownInline(source))\n" }
        if !incident.impacts.isEmpty {
            let listing = Listing(columns: [.init("Service"), .init("Interval"), .init("Failing", alignRight: true), .init("Note")],
                                  rows: incident.impacts.map { [$0.serviceID, impactSpan($0), percent($0.fraction), $0.note ?? ""] })
            out += "\n### Impact\n\n" + listing.markdown()
        }
        out += "\n### SLA budget\n\n"
        if incident.impacts.isEmpty { out += "No impact recorded, so no SLA budget used.\n" }
        if !charges.isEmpty {
            let listing = Listing(
                columns: [.init("Service"), .init("SLA"), .init("Window"), .init("Downtime", alignRight: true),
                          .init("Allowed", alignRight: true), .init("Used", alignRight: true),
                          .init("Window downtime", alignRight: true), .init("Window status")],
                rows: charges.map { charge in
                    [charge.serviceID, SLAText.describe(charge.evaluation.sla), charge.evaluation.window.label,
                     DurationText.short(seconds: charge.downtimeSeconds), DurationText.short(seconds: charge.allowedDowntimeSeconds),
                     NumberText.percent(charge.budgetConsumedPercent), DurationText.short(seconds: charge.evaluation.downtimeSeconds),
                     windowStatus(charge.evaluation)]
                })
            out += listing.markdown()
        }
        let uncharged = unchargedServices(incident, charges: charges, now: now)
        if !uncharged.uncovered.isEmpty || !uncharged.future.isEmpty { out += charges.isEmpty ? "" : "\n" }
        if !uncharged.uncovered.isEmpty {
            out += "No SLA in force at the time of the impact: \(uncharged.uncovered.joined(separator: ", ")).\n"
        }
        if !uncharged.future.isEmpty {
            out += "The impact begins after now, so nothing is charged yet: \(uncharged.future.joined(separator: ", ")).\n"
        }
        if !incident.factors.isEmpty {
            let listing = Listing(
                // The id is what the Repeats table and the actions' addresses name the factor by.
                columns: [.init("Id"), .init("Factor"), .init("Cause"), .init("Role"), .init("Introduced"), .init("Latent for"),
                          .init("Description")],
                rows: incident.factors.map { factor in
                    [factor.id, factor.title, factor.cause, factor.role.rawValue, factor.introducedAt?.description ?? "",
                     factor.introducedAt.map { LatentAge(introduced: $0, start: incident.startedAt).description } ?? "",
                     factor.description ?? ""]
                })
            out += "\n### Contributing factors\n\n" + listing.markdown()
        }
        if !repeated.isEmpty || !repeatedBy.isEmpty {
            let rows = repeated.map { [$0.later.factorID, "repeats", $0.earlier.incidentID, $0.earlier.factorID, $0.earlier.cause,
                                       $0.sharedServices.joined(separator: ", ")] }
                + repeatedBy.map { [$0.earlier.factorID, "repeated by", $0.later.incidentID, $0.later.factorID, $0.later.cause,
                                    $0.sharedServices.joined(separator: ", ")] }
            let listing = Listing(columns: [.init("Factor"), .init("Relation"), .init("Incident"), .init("Its factor"),
                                            .init("Its cause"), .init("Shared services")], rows: rows)
            out += "\n### Repeats\n\n" + listing.markdown()
        }
        if !incident.actions.isEmpty {
            let listing = Listing(
                // The id is what `hindsight action show` and `action update` are given.
                columns: [.init("Id"), .init("Action"), .init("Kind"), .init("Priority"), .init("Owner"), .init("Due"),
                          .init("Status"), .init("Closed"), .init("Addresses"), .init("Ticket")],
                rows: incident.actions.map { action in
                    let due = action.effectiveDue(incidentResolvedAt: incident.resolvedAt)
                    let overdue = action.isOverdue(on: today, incidentResolvedAt: incident.resolvedAt)
                    // `*` marks a derived due date, as in the `actions` listing and the README.
                    return ["\(incident.id)/\(action.id)", action.title, action.kind.rawValue, action.priority.rawValue, action.owner ?? "",
                            due.map { $0.description + (action.due == nil ? "*" : "") } ?? "",
                            action.status.rawValue + (overdue ? " (overdue)" : ""), action.completedAt?.description ?? "",
                            action.addresses.joined(separator: ", "), action.ticket ?? ""]
                })
            out += "\n### Actions\n\n" + listing.markdown()
            if incident.actions.contains(where: { $0.due == nil && $0.effectiveDue(incidentResolvedAt: incident.resolvedAt) != nil }) {
                out += "\nDue dates marked \\* are derived from the incident's resolution.\n"
            }
        }
        if !incident.timeline.isEmpty {
            out += "\n### Timeline (UTC)\n\n"
            for event in incident.timeline { out += "- \(event.at): \(Listing.markdownInline(event.text))\n" }
        }
        return out
    }

    /// The interchange structure of the incident plus derived fields: state, durations in
    /// seconds, each factor's latent age, each action's global id, effective due date and overdue flag.
    /// `derived.repeats` lists the earlier factors this incident's factors repeat,
    /// `derived.repeated_by` the later factors that repeat them. `sla_windows` follows: what the
    /// incident cost each SLA window its impacts reach, numbers unrounded as in a report.
    static func json(_ incident: Incident, today: CalendarDate, repeated: [RepeatLink] = [], repeatedBy: [RepeatLink] = [],
                     charges: [IncidentWindowCharge] = []) -> StructuredValue {
        guard case .mapping(var entries) = InterchangeEncoder.encode(incident) else { return .null }
        var derived = MappingBuilder()
        derived.add("state", text: incident.state.rawValue)
        derived.add("seconds_to_detect", incident.detectedAt.map { .number($0.seconds(since: incident.startedAt)) } ?? .null)
        let secondsToMitigate = IncidentFacts.secondsToMitigate(startedAt: incident.startedAt, mitigatedAt: incident.mitigatedAt,
                                                                resolvedAt: incident.resolvedAt)
        derived.add("seconds_to_mitigate", secondsToMitigate.map(StructuredValue.number) ?? .null)
        derived.add("seconds_to_resolve", incident.resolvedAt.map { .number($0.seconds(since: incident.startedAt)) } ?? .null)
        derived.add("latent_ages", .sequence(incident.factors.map { factor in
            // A defect that entered after the incident began was never latent: no age, as `causes`
            // leaves it out, rather than a negative one that a script would sum or take the median of.
            guard let introduced = factor.introducedAt, case let age = LatentAge(introduced: introduced, start: incident.startedAt),
                  age.value >= 0 else {
                return .mapping([.init("factor", .text(factor.id)), .init("latent_age", .null)])
            }
            return .mapping([.init("factor", .text(factor.id)), .init("latent_age", .integer(age.value)),
                             .init("unit", .text(age.unit.rawValue))])
        }))
        derived.add("actions", .sequence(incident.actions.map { action in
            let due = action.effectiveDue(incidentResolvedAt: incident.resolvedAt)
            return .mapping([.init("id", .text("\(incident.id)/\(action.id)")),
                             .init("due", due.map { .text($0.description) } ?? .null),
                             .init("overdue", .bool(action.isOverdue(on: today, incidentResolvedAt: incident.resolvedAt)))])
        }))
        derived.add("repeats", .sequence(repeated.map { link in
            repeatJSON(factor: link.later.factorID, other: link.earlier, services: link.sharedServices)
        }))
        derived.add("repeated_by", .sequence(repeatedBy.map { link in
            repeatJSON(factor: link.earlier.factorID, other: link.later, services: link.sharedServices)
        }))
        entries.append(.init("derived", derived.value))
        entries.append(.init("sla_windows", .sequence(charges.map(chargeJSON))))
        return .mapping(entries)
    }

    /// One SLA window the incident reached: the window as a report names it, this incident's
    /// downtime in it, the allowance and the share used, whether the window is breached, then
    /// the window's label and its downtime from every incident.
    private static func chargeJSON(_ charge: IncidentWindowCharge) -> StructuredValue {
        var window = MappingBuilder()
        window.add("service", text: charge.serviceID)
        window.add("window", text: charge.evaluation.window.kind.rawValue)
        window.add("timezone", text: charge.evaluation.window.timeZoneName)
        window.add("start", text: charge.evaluation.window.span.start.description)
        window.add("end", text: charge.evaluation.window.span.end.description)
        window.add("evaluated_until", text: charge.evaluation.evaluatedUntil.description)
        window.add("downtime_seconds", .number(charge.downtimeSeconds))
        window.add("allowed_downtime_seconds", .number(charge.allowedDowntimeSeconds))
        window.add("budget_consumed_percent", .number(charge.budgetConsumedPercent))
        window.add("breached", .bool(charge.isBreached))
        window.add("label", text: charge.evaluation.window.label)
        window.add("window_downtime_seconds", .number(charge.evaluation.downtimeSeconds))
        return window.value
    }

    /// `1h of 44m 42s allowed (134.2%), breached`, with the window's whole downtime when other
    /// incidents share it.
    private static func budgetText(_ charge: IncidentWindowCharge) -> String {
        var text = "\(DurationText.short(seconds: charge.downtimeSeconds)) of "
            + "\(DurationText.short(seconds: charge.allowedDowntimeSeconds)) allowed (\(NumberText.percent(charge.budgetConsumedPercent)))"
        if charge.evaluation.downtime != charge.downtime {
            text += "; window \(DurationText.short(seconds: charge.evaluation.downtimeSeconds)) down in all"
        }
        return text + ", " + windowStatus(charge.evaluation)
    }

    /// As the report says it: breached, met (closed within budget) or open (within budget so far).
    private static func windowStatus(_ evaluation: WindowEvaluation) -> String {
        if evaluation.isBreached { return "breached" }
        return evaluation.isClosed ? "met" : "open"
    }

    /// The services `incident` hit that no charge names, sorted: those with an impact before
    /// `now`, which no SLA covered, and those whose every impact begins at or after `now`, which
    /// no window can have counted yet (a date mistyped a year ahead, usually), whether or not an
    /// SLA will be in force then.
    private static func unchargedServices(_ incident: Incident, charges: [IncidentWindowCharge], now: Instant)
        -> (uncovered: [String], future: [String]) {
        let charged = Set(charges.map(\.serviceID))
        let uncharged = Set(incident.impacts.map(\.serviceID)).subtracting(charged)
        let begun = Set(incident.impacts.filter { $0.start < now }.map(\.serviceID))
        return (uncharged.intersection(begun).sorted(), uncharged.subtracting(begun).sorted())
    }

    /// One side of a repeat: this incident's factor, the other incident and factor, that
    /// factor's cause and the services both incidents hit.
    private static func repeatJSON(factor: String, other: FactorOccurrence, services: [String]) -> StructuredValue {
        .mapping([.init("factor", .text(factor)), .init("incident", .text(other.incidentID)),
                  .init("incident_factor", .text(other.factorID)), .init("cause", .text(other.cause)),
                  .init("started_at", .text(other.incidentStartedAt.description)),
                  .init("services", .sequence(services.map(StructuredValue.text)))])
    }

    private static func timeRows(_ incident: Incident) -> [(String, String)] {
        var rows = [("started", incident.startedAt.description)]
        func add(_ label: String, _ instant: Instant?) {
            guard let instant else { return }
            rows.append((label, "\(instant)  (+\(DurationText.short(seconds: instant.seconds(since: incident.startedAt))))"))
        }
        add("detected", incident.detectedAt)
        add("mitigated", incident.mitigatedAt)
        add("resolved", incident.resolvedAt)
        return rows
    }

    private static func impactSpan(_ impact: Impact) -> String {
        guard let end = impact.end else { return "\(impact.start) – ongoing" }
        return "\(impact.start) – \(end) (\(DurationText.short(seconds: end.seconds(since: impact.start))))"
    }

    private static func percent(_ fraction: Double) -> String {
        JSONWriter.formatNumber(fraction * 100) + "%"
    }
}
