import GRDB
import HindsightCore

extension KnowledgeBase {
    /// The actions that pass `filter`, by incident start, incident id and position.
    public func trackedActions(matching filter: ActionFilter = ActionFilter()) throws -> [TrackedAction] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let incidentID = filter.incidentID {
            conditions.append("incident.id = ?")
            _ = arguments.append(contentsOf: [incidentID])
        }
        // "" is how a file imported before empty owners were refused may name nobody; it is read as none.
        if filter.unownedOnly { conditions.append("(action.owner IS NULL OR action.owner = '')") }
        for (column, values) in [("action.owner", filter.owners), ("action.status", filter.statuses.map(\.rawValue)),
                                 ("action.kind", filter.kinds.map(\.rawValue)),
                                 ("action.priority", filter.priorities.map(\.rawValue))] where !values.isEmpty {
            conditions.append("\(column) IN (\(placeholders(values.count)))")
            _ = arguments.append(contentsOf: StatementArguments(values))
        }
        if !filter.services.isEmpty {
            // The incidents' own condition, so that an action's service is the one `incidents --service` means.
            let (sql, incidentArguments) = IncidentScopeSQL.hitAnyService(filter.services)
            conditions.append(sql)
            _ = arguments.append(contentsOf: incidentArguments)
        }
        if !filter.teams.isEmpty {
            let (sql, teamArguments) = IncidentScopeSQL.hitAnyTeam(filter.teams)
            conditions.append(sql)
            _ = arguments.append(contentsOf: teamArguments)
        }
        if !filter.causes.isEmpty {
            let test = CausePathSQL.atOrUnderAny("factor.cause", filter.causes)
            conditions.append("""
                EXISTS (SELECT 1 FROM action_factor JOIN factor ON factor.pk = action_factor.factor_pk
                        WHERE action_factor.action_pk = action.pk AND \(test.sql))
                """)
            _ = arguments.append(contentsOf: test.arguments)
        }
        if let day = filter.dueBy {
            // Written or derived, the due date in force is stored; NULL (none) fails the comparison.
            conditions.append("action.effective_due <= ?")
            _ = arguments.append(contentsOf: [day.description])
        }
        if let day = filter.overdueOn {
            // Only an action due before the day that is open, or was closed on it or later, can be
            // overdue: the index on status and due date and the one on completion find those, and
            // the rule itself then decides.
            conditions.append("""
                action.pk IN (SELECT pk FROM action WHERE status IN ('open', 'in-progress') AND effective_due < ?
                              UNION SELECT pk FROM action WHERE completed_at >= ? AND effective_due < ?)
                """)
            _ = arguments.append(contentsOf: [day.description, day.startInstantUTC.databaseValue, day.description])
        }
        if let day = filter.createdBy {
            conditions.append("\(ActionReader.creationInstant) < ?")
            _ = arguments.append(contentsOf: [day.adding(days: 1).startInstantUTC.databaseValue])
        }
        let actions = try queue.read { db in
            try ActionReader.tracked(db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "),
                                     arguments: arguments)
        }
        guard let day = filter.overdueOn else { return actions }
        return actions.filter { $0.isOverdue(on: day) }
    }

    /// Whether an incident with id `id` exists.
    public func incidentExists(_ id: String) throws -> Bool {
        try queue.read { db in try IncidentReader.pk(db, id: id) != nil }
    }

    /// Everything about action `reference`: the action, its incident's title, the factors it
    /// addresses, its history, and the repeats it did not prevent.
    /// - Throws: ``ActionError/unknownAction(_:)``.
    public func actionDetail(_ reference: ActionReference) throws -> ActionDetail {
        try queue.read { db in
            // The rule judges an action among the other actions on its factors, so all of the
            // incident's are read, this one with them.
            let actions = try ActionReader.tracked(db, where: "incident.id = ?", arguments: [reference.incidentID])
            guard let tracked = actions.first(where: { $0.action.id == reference.actionID }) else {
                throw ActionError.unknownAction(reference.description)
            }
            let incident = try IncidentReader.pk(db, id: reference.incidentID).flatMap { try IncidentReader.load(db, pk: $0) }
            let factors = tracked.action.addresses.compactMap { id in incident?.factors.first { $0.id == id } }
            // Only the incident's own factors can make its actions ineffective: read them and
            // the factors that may repeat them, not the whole history.
            let own = try Self.occurrences(db, where: "incident.id = ?", arguments: [reference.incidentID])
            let findings = IneffectiveActionRule.findings(actions: actions, occurrences: try Self.occurrences(db, near: own))
                .filter { $0.actionGlobalID == tracked.globalID }
            return ActionDetail(tracked: tracked, incidentTitle: incident?.title ?? "", addressedFactors: factors,
                                history: try ActionReader.history(db, reference), didNotPreventRepeat: findings)
        }
    }

    /// Adds `action` to incident `incidentID`, after its other actions, and records it in the
    /// history (field `added`) as made by `actor` at `now`, with `note`.
    /// - Parameter uniqueID: when true, `action.id` is only the base of the id (one made from the
    ///   title): the first of it, `-2`, `-3`… that the incident does not have yet is taken, chosen
    ///   inside the write transaction so that several processes adding at once each get their own.
    /// - Throws: ``ActionError`` for an unknown incident, an id the incident already has (unless
    ///   `uniqueID`), or an addressed factor the incident does not have; nothing is written then.
    /// - Returns: the stored action.
    @discardableResult
    public func addAction(_ action: RemediationAction, toIncident incidentID: String, uniqueID: Bool = false, actor: String,
                          now: Instant, note: String?) throws -> TrackedAction {
        try queue.write { db in
            guard let incidentPK = try IncidentReader.pk(db, id: incidentID),
                  let incident = try IncidentReader.load(db, pk: incidentPK)
            else { throw ActionError.unknownIncident(incidentID) }
            var action = action
            if uniqueID { action.id = ActionSlug.unique(action.id, taken: Set(incident.actions.map(\.id))) }
            let reference = ActionReference(incidentID: incidentID, actionID: action.id)
            if incident.actions.contains(where: { $0.id == action.id }) {
                throw ActionError.duplicateAction(reference.description)
            }
            if let unknown = action.addresses.first(where: { id in !incident.factors.contains { $0.id == id } }) {
                throw ActionError.unknownFactor(incidentID: incidentID, factorID: unknown, known: incident.factors.map(\.id))
            }
            let factorKeys = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT id, pk FROM factor WHERE incident_pk = ?", arguments: [incidentPK]
            ).map { ($0["id"] as String, $0["pk"] as Int64) })
            let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM action WHERE incident_pk = ?",
                                             arguments: [incidentPK]) ?? -1) + 1
            try IncidentWriter.insertAction(db, action, incidentPK: incidentPK, position: position,
                                            incidentResolvedAt: incident.resolvedAt, factorKeys: factorKeys)
            try ActionHistoryWriter(db: db, incidentID: incidentID, at: now, actor: actor)
                .append(actionID: action.id, field: TrackedAction.addedField, from: nil, to: action.status.rawValue, note: note)
            guard let stored = try ActionReader.tracked(db, reference) else { throw ActionError.unknownAction(reference.description) }
            return stored
        }
    }

    /// Changes action `reference` in one write transaction: reads it, lets `change` decide the
    /// new values, writes them and appends every changed field to the history (each record with
    /// `note`). A note with no changed field is recorded on its own (field `note`). Because the
    /// read and the write share one IMMEDIATE transaction, concurrent changes from several
    /// processes apply one after another and each sees the last one's result.
    /// - Throws: ``ActionError/unknownAction(_:)``, or whatever `change` throws; nothing is written then.
    /// - Returns: the change made (with no field changes when the action already had the values).
    @discardableResult
    public func changeAction(_ reference: ActionReference, actor: String, now: Instant, note: String?,
                             _ change: (TrackedAction) throws -> ActionChange) throws -> ActionChange {
        try queue.write { db in
            guard let tracked = try ActionReader.tracked(db, reference) else {
                throw ActionError.unknownAction(reference.description)
            }
            let result = try change(tracked)
            let history = ActionHistoryWriter(db: db, incidentID: reference.incidentID, at: now, actor: actor)
            if result.changes.isEmpty {
                if let note { try history.append(actionID: reference.actionID, field: "note", from: nil, to: nil, note: note) }
                return result
            }
            let action = result.updated
            try db.execute(sql: """
                UPDATE action SET status = ?, completed_at = ?, owner = ?, priority = ?, due = ?, effective_due = ?,
                                  ticket = ?
                WHERE incident_pk = (SELECT pk FROM incident WHERE id = ?) AND id = ?
                """, arguments: [action.status.rawValue, action.completedAt?.databaseValue, action.owner,
                                 action.priority.rawValue, action.due?.description,
                                 action.effectiveDue(incidentResolvedAt: tracked.incidentResolvedAt)?.description,
                                 action.ticket, reference.incidentID, reference.actionID])
            for fieldChange in result.changes {
                try history.append(actionID: reference.actionID, field: fieldChange.field, from: fieldChange.oldValue,
                                   to: fieldChange.newValue, note: note)
            }
            return result
        }
    }

    /// The actions that did not prevent a repeat, over the whole history (see ``IneffectiveActionRule``).
    public func ineffectiveActions() throws -> [IneffectiveAction] {
        try queue.read { db in try Self.ineffectiveActions(db) }
    }

    /// Follow-through over `period`, broken down by `grouping` when given.
    ///
    /// Reads whole only the actions that can count in it for more than being open: those of
    /// incidents that started since the period's start (or since the judged day's start, if
    /// earlier) and before the end of the period and of the judged day, those added since then or
    /// closed between then and that end, and those of incidents with an action flagged as not
    /// having prevented a repeat in it. Every other action of an incident started before that
    /// instant counts only if it was open on the judged day (still open or in progress, or closed
    /// after that end), and then only by its due date, so without a grouping those are counted
    /// per due date in SQL (through the index on status and due date, and the one on completion
    /// time) instead of being read one by one. The findings about repeats are read near the
    /// period (see ``IneffectiveActionReader``). When no incident started before that instant
    /// (the whole history, or a period from its first day), every action those findings are
    /// judged among is read whole already, and is read only once. The figures then apply the
    /// exact rules.
    public func followThrough(period: FollowThroughPeriod, grouping: FollowThroughGrouping?) throws -> FollowThrough {
        try followThrough(period: period, grouping: grouping, wholeReadLimit: IneffectiveActionReader.wholeReadLimit)
    }

    /// ``followThrough(period:grouping:)`` with the repeats read at once when at most
    /// `wholeReadLimit` incidents lie before their window (see ``IneffectiveActionReader``).
    func followThrough(period: FollowThroughPeriod, grouping: FollowThroughGrouping?, wholeReadLimit: Int) throws -> FollowThrough {
        try queue.read { db in
            let since = min(period.span.start, period.asOfDay.startInstantUTC).databaseValue
            // An action that came with an incident started after both the period and the judged
            // day was created then: it counts for nothing here.
            let until = max(period.span.end, period.asOfDay.adding(days: 1).startInstantUTC).databaseValue
            var touched = """
                SELECT action.pk FROM action JOIN incident ON incident.pk = action.incident_pk
                WHERE incident.started_at >= ? AND incident.started_at < ?
                UNION SELECT action.pk FROM action WHERE action.completed_at >= ? AND action.completed_at < ?
                UNION SELECT action.pk FROM action_history AS added
                      JOIN incident ON incident.id = added.incident_id
                      JOIN action ON action.incident_pk = incident.pk AND action.id = added.action_id
                      WHERE added.field = ? AND added.at >= ?
                """
            var arguments: StatementArguments = [since, until, since, until, TrackedAction.addedField, since]
            // The touched actions; with a grouping, every action open on the judged day too,
            // which each group needs whole.
            func readTouched() throws -> [TrackedAction] {
                guard grouping != nil else {
                    return try ActionReader.tracked(db, where: "action.pk IN (\(touched))", arguments: arguments)
                }
                return try ActionReader.tracked(
                    db, where: "action.pk IN (\(touched)) OR action.status IN ('open', 'in-progress') OR action.completed_at >= ?",
                    arguments: arguments + [until])
            }
            let anyEarlier = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM incident WHERE started_at < ?)",
                                               arguments: [since]) ?? true
            if !anyEarlier {
                // No incident started before `since` (the whole history, `followup`'s default, or
                // a period from its first day): the touched actions are every action of every
                // incident that started before `until`. That is every action the repeats are judged
                // among (those of incidents started before the period's end; so the flagged
                // incidents add none), and leaves none to count as open per due date. Read once for
                // both: over 100 000 incidents, reading the actions a second time for the repeats
                // and counting nothing per due date were a quarter of `followup`'s time.
                let actions = try readTouched()
                let ineffective = try IneffectiveActionReader.findings(db, repeatsIn: period.span, among: actions)
                return FollowThroughBuilder.build(actions: actions, ineffective: ineffective, period: period, grouping: grouping)
            }
            let ineffective = try IneffectiveActionReader.findings(db, repeatsIn: period.span, wholeReadLimit: wholeReadLimit)
            let flaggedIncidents = Set(ineffective.map(\.factor.incidentID)).sorted()
            if !flaggedIncidents.isEmpty {
                touched += """

                    UNION SELECT action.pk FROM action JOIN incident ON incident.pk = action.incident_pk
                          WHERE incident.id IN (\(placeholders(flaggedIncidents.count)))
                    """
                _ = arguments.append(contentsOf: StatementArguments(flaggedIncidents))
            }
            let actions = try readTouched()
            guard grouping == nil else {
                return FollowThroughBuilder.build(actions: actions, ineffective: ineffective, period: period, grouping: grouping)
            }
            // The rest of the actions open on the judged day: those still open, and those closed
            // after the period and the judged day, which were open on it. Those of incidents
            // started since `since` are either read above or created after the judged day.
            let untouched = """
                pk NOT IN (\(touched)
                    UNION SELECT action.pk FROM action JOIN incident ON incident.pk = action.incident_pk
                          WHERE incident.started_at >= ?)
                """
            let stillOpen = try Row.fetchAll(db, sql: """
                SELECT status, effective_due, count(*) AS count FROM action INDEXED BY action_by_status_due
                WHERE status IN ('open', 'in-progress') AND \(untouched)
                GROUP BY status, effective_due
                """, arguments: arguments + [since]).map { row in
                guard let status = try RowDecoding.keyword(row, "status", ActionStatus.self) else {
                    throw RowDecoding.DamagedValue(column: "status", value: "NULL")
                }
                return OpenActionCount(status: status, effectiveDue: try RowDecoding.date(row, "effective_due"), count: row["count"])
            }
            // Closed later, so open on the judged day, and overdue on it by the same rule as an
            // open action: counted as open. In a period early in a long history these are most of
            // the actions ever closed, which were read one by one before (1.3 s for 2016Q1 of
            // 100 000 incidents).
            let closedLater = try Row.fetchAll(db, sql: """
                SELECT effective_due, count(*) AS count FROM action INDEXED BY action_by_completion
                WHERE completed_at >= ? AND \(untouched)
                GROUP BY effective_due
                """, arguments: [until] + arguments + [since]).map { row in
                OpenActionCount(status: .open, effectiveDue: try RowDecoding.date(row, "effective_due"), count: row["count"])
            }
            let alsoOpen = stillOpen + closedLater
            return FollowThroughBuilder.build(actions: actions, alsoOpen: alsoOpen, ineffective: ineffective,
                                              period: period, grouping: nil)
        }
    }

    /// Factors of incidents that had started by the end of UTC day `day` that no action
    /// addresses, and incidents with no action that started more than
    /// ``RemediationGaps/graceDays`` days before `day`, both of the incidents `filter` keeps (its
    /// causes pick the factors, and the incidents that have such a factor). Only actions created
    /// by the end of `day` count (see ``TrackedAction/createdAt``): one added with `action add`
    /// after it was not there on `day`, so a past day reads as it stood then.
    public func remediationGaps(on day: CalendarDate, matching filter: GapFilter = GapFilter()) throws -> RemediationGaps {
        // Which incidents: the services' and teams' conditions of the listing of actions.
        let services = IncidentScopeSQL.hitAnyService(filter.services), teams = IncidentScopeSQL.hitAnyTeam(filter.teams)
        var scope = services.sql + " AND " + teams.sql
        var scopeArguments = services.arguments + teams.arguments
        var factorCondition = "1"
        var factorArguments: StatementArguments = []
        if !filter.causes.isEmpty {
            let test = CausePathSQL.atOrUnderAny("factor.cause", filter.causes)
            factorCondition = test.sql
            factorArguments = test.arguments
            // An incident without actions is a gap of the cause when it has a factor under it.
            scope += " AND EXISTS (SELECT 1 FROM factor WHERE factor.incident_pk = incident.pk AND \(test.sql))"
            _ = scopeArguments.append(contentsOf: test.arguments)
        }
        return try queue.read { db in
            let end = day.adding(days: 1).startInstantUTC.databaseValue
            let factors = try Row.fetchAll(db, sql: """
                SELECT incident.id AS incident_id, factor.* FROM factor JOIN incident ON incident.pk = factor.incident_pk
                WHERE NOT EXISTS (SELECT 1 FROM action_factor JOIN action ON action.pk = action_factor.action_pk
                                  WHERE action_factor.factor_pk = factor.pk AND \(ActionReader.creationInstant) < ?)
                  AND incident.started_at < ? AND \(factorCondition) AND \(services.sql) AND \(teams.sql)
                ORDER BY incident.started_at, incident.id, factor.position
                """, arguments: [end, end] + factorArguments + services.arguments + teams.arguments).map { row in
                RemediationGaps.UnaddressedFactor(
                    incidentID: row["incident_id"],
                    factor: try IncidentReader.factor(row))
            }
            let incidents = try Row.fetchAll(db, sql: """
                SELECT id, title, started_at FROM incident
                WHERE NOT EXISTS (SELECT 1 FROM action WHERE action.incident_pk = incident.pk
                                  AND \(ActionReader.creationInstant) < ?)
                  AND \(scope)
                ORDER BY started_at, id
                """, arguments: [end] + scopeArguments).map { row in
                RemediationGaps.IncidentWithoutActions(incidentID: row["id"], title: row["title"],
                                                       startedAt: try RowDecoding.requiredInstant(row, "started_at"))
            }.filter { RemediationGaps.isPastGrace(startedAt: $0.startedAt, on: day) }
            return RemediationGaps(unaddressedFactors: factors, incidentsWithoutActions: incidents)
        }
    }

    private static func ineffectiveActions(_ db: Database) throws -> [IneffectiveAction] {
        IneffectiveActionRule.findings(actions: try ActionReader.addressing(db),
                                       occurrences: try occurrences(db, where: "1", arguments: []))
    }
}
