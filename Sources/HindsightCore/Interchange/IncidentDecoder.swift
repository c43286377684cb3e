/// Decodes one incident with its impacts, factors, actions and timeline, checking the rules that
/// tie them together: time order, factor ids unique, actions addressing factors of the incident.
struct IncidentDecoder {
    let context: DecodingContext

    static let keys = ["id", "title", "severity", "near_miss", "detection", "started_at", "detected_at", "mitigated_at",
                       "resolved_at", "summary", "source", "tags", "impacts", "factors", "actions", "timeline"]

    func decode(_ node: InterchangeNode, path: String) -> Located<Incident>? {
        guard let reader = MappingReader(node, path: path, allowedKeys: Self.keys, context: context) else { return nil }
        let before = context.problems.count
        let id = reader.id("id", required: true)
        let title = reader.text("title", required: true, nonEmpty: true)
        let severity = reader.keyword("severity", Severity.self)
        let nearMiss = reader.bool("near_miss") ?? false
        let detection = reader.keyword("detection", DetectionSource.self)
        let started = reader.instant("started_at", required: true)
        let detected = reader.instant("detected_at")
        let mitigated = reader.instant("mitigated_at")
        let resolved = reader.instant("resolved_at")
        if let started {
            for (key, value) in [("detected_at", detected), ("mitigated_at", mitigated), ("resolved_at", resolved)] {
                if let value, value < started {
                    context.report(reader.location(of: key), "\(path).\(key): \(value) is before started_at \(started)")
                }
            }
        }
        if let mitigated, let resolved, resolved < mitigated {
            context.report(reader.location(of: "resolved_at"),
                           "\(path).resolved_at: \(resolved) is before mitigated_at \(mitigated)")
        }
        let summary = reader.text("summary")
        let source = reader.text("source")
        var tags: [String] = []
        for (index, tagNode) in reader.list("tags").enumerated() {
            guard case .scalar(let scalar) = tagNode, !tagNode.isNull else {
                context.report(tagNode, "\(path).tags[\(index)]: expected a tag (text), found \(tagNode.isNull ? "nothing" : tagNode.kindDescription)")
                continue
            }
            let tag = scalar.string
            if tag.unicodeScalars.contains("\u{0}") {
                context.report(tagNode, "\(path).tags[\(index)]: text may not contain NUL (U+0000)")
            } else if tag.isEmpty {
                context.report(tagNode, "\(path).tags[\(index)]: must not be empty; expected a tag such as database")
            } else if tags.contains(tag) {
                context.report(tagNode, "\(path).tags[\(index)]: duplicate tag \(QuotedValue.quote(tag))")
            } else {
                tags.append(tag)
            }
        }

        var fieldLocations = ["id": reader.location(of: "id")]
        var impacts: [Impact] = []
        for (index, impactNode) in reader.list("impacts").enumerated() {
            let impactPath = "impacts[\(index)]"
            guard let impactReader = MappingReader(impactNode, path: "\(path).\(impactPath)",
                                                   allowedKeys: ["service", "start", "end", "fraction", "note"],
                                                   context: context)
            else { continue }
            let service = impactReader.id("service", required: true)
            let start = impactReader.instant("start") ?? started
            let end = impactReader.instant("end") ?? (impactReader.value("end") == nil ? (mitigated ?? resolved) : nil)
            let fraction = impactReader.number("fraction", range: "above 0 and at most 1, e.g. 0.8") { $0 > 0 && $0 <= 1 } ?? 1
            let note = impactReader.text("note")
            if let start, let started, start < started {
                // The format defines started_at as when impact began: an impact before it would
                // give the incident a negative duration in a report made between the two.
                context.report(impactReader.location(of: "start"),
                               "\(path).\(impactPath).start: \(start) is before the incident's started_at \(started), "
                               + "which is when impact began; expected an instant at or after it (or start the incident earlier)")
            }
            // An end taken from a mitigated_at or resolved_at before started_at is reported there.
            let endDefaultedBeforeStart = impactReader.value("end") == nil && end.flatMap { end in started.map { end < $0 } } == true
            if let start, let end, end <= start, !endDefaultedBeforeStart {
                let explained = impactReader.value("end") == nil ? " (the end defaults to mitigated_at, else resolved_at)" : ""
                context.report(impactReader.location(of: "end"),
                               "\(path).\(impactPath).end: \(end) is not after start \(start)\(explained)")
            }
            fieldLocations["\(impactPath).service"] = impactReader.location(of: "service")
            if let service, let start {
                impacts.append(Impact(serviceID: service, start: start, end: end, fraction: fraction, note: note))
            }
        }

        var factors: [Factor] = []
        // What the refused factors would have been, so that an action addressing one is not told
        // that its factor is missing from the file when the factor's own problems are reported.
        var refusedFactors = RefusedFactors()
        if let factorsNode = reader.value("factors") {
            if case .sequence = factorsNode {} else { refusedFactors.mayHaveUnread = true }
        }
        for (index, factorNode) in reader.list("factors").enumerated() {
            guard let factorReader = MappingReader(factorNode, path: "\(path).factors[\(index)]",
                                                   allowedKeys: ["id", "title", "cause", "role", "introduced_at", "description"],
                                                   context: context)
            else { refusedFactors.mayHaveUnread = true; continue }
            let factorID = factorReader.id("id", required: true)
            let factorTitle = factorReader.text("title", required: true, nonEmpty: true)
            let cause = factorReader.parsed("cause", required: true, what: "a cause path") { text in
                try Identifier.validateCausePath(text); return text
            }
            let role = factorReader.keyword("role", FactorRole.self) ?? .contributing
            let introduced = factorReader.parsed("introduced_at", what: "a fuzzy date") { try FuzzyDate(parsing: $0) }
            let description = factorReader.text("description")
            if let factorID, factors.contains(where: { $0.id == factorID }) {
                context.report(factorReader.location(of: "id"), "\(path).factors[\(index)].id: duplicate factor id '\(factorID)' in this incident")
            } else if let factorID, let factorTitle, let cause {
                factors.append(Factor(id: factorID, title: factorTitle, cause: cause, role: role,
                                      introducedAt: introduced, description: description))
            } else if let factorID {
                refusedFactors.ids.insert(factorID)
            } else {
                refusedFactors.mayHaveUnread = true
            }
        }

        var actions: [RemediationAction] = []
        for (index, actionNode) in reader.list("actions").enumerated() {
            guard let action = decodeAction(actionNode, path: "\(path).actions[\(index)]", factors: factors,
                                            refusedFactors: refusedFactors, incidentStartedAt: started)
            else { continue }
            // The due date derived from the resolution must be a date the format can hold.
            if let resolved, action.due == nil, action.effectiveDue(incidentResolvedAt: resolved).map({ $0 > CalendarDate.latest }) == true {
                context.report(actionNode, "\(path).actions[\(index)]: its due date, derived from resolved_at \(resolved), would fall after \(CalendarDate.latest); write a due date")
                continue
            }
            if actions.contains(where: { $0.id == action.id }) {
                context.report(actionNode, "\(path).actions[\(index)].id: duplicate action id '\(action.id)' in this incident")
            } else {
                actions.append(action)
            }
        }

        var timeline: [TimelineEvent] = []
        for (index, eventNode) in reader.list("timeline").enumerated() {
            guard let eventReader = MappingReader(eventNode, path: "\(path).timeline[\(index)]",
                                                  allowedKeys: ["at", "text"], context: context)
            else { continue }
            let at = eventReader.instant("at", required: true)
            let text = eventReader.text("text", required: true, nonEmpty: true)
            if let at, let text { timeline.append(TimelineEvent(at: at, text: text)) }
        }

        guard context.problems.count == before, let id, let title, let started else {
            // Noted so that a later duplicate of the id can point here, where it first appears.
            if let id, context.refusedIncidents[id] == nil { context.refusedIncidents[id] = reader.location }
            return nil
        }
        let incident = Incident(id: id, title: title, severity: severity, nearMiss: nearMiss, detection: detection,
                                startedAt: started, detectedAt: detected, mitigatedAt: mitigated, resolvedAt: resolved,
                                summary: summary, source: source, tags: tags, impacts: impacts, factors: factors,
                                actions: actions, timeline: timeline)
        return Located(incident, at: reader.location, path: path, fieldLocations: fieldLocations)
    }

    /// One action of an incident whose factors are `factors`; with `incidentStartedAt`, its
    /// completion may not lie before it. An address of one of `refusedFactors` is left to that
    /// factor's own problems, not reported as unknown.
    func decodeAction(_ node: InterchangeNode, path: String, factors: [Factor], refusedFactors: RefusedFactors = RefusedFactors(),
                      incidentStartedAt: Instant? = nil) -> RemediationAction? {
        guard let reader = MappingReader(node, path: path,
                                         allowedKeys: ["id", "title", "kind", "addresses", "owner", "priority", "due",
                                                       "status", "completed_at", "ticket"],
                                         context: context)
        else { return nil }
        let before = context.problems.count
        let id = reader.id("id", required: true)
        let title = reader.text("title", required: true, nonEmpty: true)
        let kind = reader.keyword("kind", ActionKind.self, required: true)
        var addresses: [String] = []
        for (index, addressNode) in reader.list("addresses").enumerated() {
            guard case .scalar(let scalar) = addressNode, !addressNode.isNull else {
                context.report(addressNode, "\(path).addresses[\(index)]: expected a factor id, found \(addressNode.kindDescription)")
                continue
            }
            let factorID = scalar.string
            if !factors.contains(where: { $0.id == factorID }) {
                if refusedFactors.mayHaveUnread || refusedFactors.ids.contains(factorID) { continue }
                let known = factors.map(\.id).joined(separator: ", ")
                context.report(addressNode, "\(path).addresses[\(index)]: no factor '\(factorID)' in this incident; known factors: \(known.isEmpty ? "none" : known)")
            } else if addresses.contains(factorID) {
                context.report(addressNode, "\(path).addresses[\(index)]: factor '\(factorID)' is listed twice")
            } else {
                addresses.append(factorID)
            }
        }
        let owner = reader.text("owner", nonEmpty: true)
        let priority = reader.keyword("priority", ActionPriority.self) ?? .medium
        let due = reader.date("due")
        let givenStatus = reader.keyword("status", ActionStatus.self)
        let status = givenStatus ?? .open
        let completedAt = reader.instant("completed_at")
        // A status refused is reported as such; the default that stands in for it is not what was written.
        if completedAt != nil, !status.isClosed, givenStatus != nil || reader.value("status") == nil {
            context.report(reader.location(of: "completed_at"),
                           "\(path).completed_at: only a done or wont-do action has a completion time; this one is \(status.rawValue)")
        }
        if let completedAt, let incidentStartedAt, completedAt < incidentStartedAt {
            // An action of a postmortem counts as created when its incident started, so a
            // completion before that would give it negative days to complete in `followup`.
            context.report(reader.location(of: "completed_at"),
                           "\(path).completed_at: \(completedAt) is before the incident's started_at \(incidentStartedAt), "
                           + "when its actions count as created; expected an instant at or after it")
        }
        let ticket = reader.text("ticket", nonEmpty: true)
        guard context.problems.count == before, let id, let title, let kind else { return nil }
        return RemediationAction(id: id, title: title, kind: kind, addresses: addresses, owner: owner, priority: priority,
                                 due: due, status: status, completedAt: completedAt, ticket: ticket)
    }
}
