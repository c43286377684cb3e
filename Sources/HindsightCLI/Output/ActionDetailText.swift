import HindsightCore
import HindsightStore

/// One action in full, for a terminal, as Markdown or as JSON.
enum ActionDetailText {
    /// Labelled fields, the factors addressed, any repeat it did not prevent, then the history.
    static func text(_ detail: ActionDetail, on day: CalendarDate) -> String {
        let safe = { (text: String) in TerminalText.neutralised(text) }
        let tracked = detail.tracked
        let action = tracked.action
        let title = safe(action.title)
        var lines = [title, String(repeating: "═", count: min(max(title.count, 20), 100))]
        lines.append("id \(tracked.globalID) · \(action.kind.rawValue) · \(action.priority.rawValue) priority · \(action.status.rawValue)")
        lines.append("incident    \(tracked.incidentID): \(safe(detail.incidentTitle))")
        lines.append("owner       \(action.owner.map(safe) ?? "(none)")")
        var due = tracked.effectiveDue.map { "\($0)\(tracked.isDueDerived ? " (derived)" : "")" } ?? "(none)"
        if let days = tracked.daysOverdue(on: day) { due += " · OVERDUE by \(days) day\(days == 1 ? "" : "s") on \(day)" }
        lines.append("due         \(due)")
        lines.append("created     \(tracked.createdAt)")
        if let completedAt = action.completedAt { lines.append("closed      \(completedAt)") }
        if let ticket = action.ticket { lines.append("ticket      \(safe(ticket))") }
        if !detail.addressedFactors.isEmpty {
            lines.append("")
            lines.append("Addresses")
            for factor in detail.addressedFactors { lines.append("  \(factor.id) (\(factor.cause)): \(safe(factor.title))") }
        }
        if !detail.didNotPreventRepeat.isEmpty {
            lines.append("")
            for finding in detail.didNotPreventRepeat {
                lines.append("!! Did not prevent a repeat: factor \(finding.factor.factorID) (\(finding.factor.cause)) repeated as "
                             + "\(finding.repeatName) (\(finding.repeatLink.later.cause)), which began \(finding.repeatLink.later.incidentStartedAt), "
                             + "after the last of its actions was done (\(finding.lastCompletedAt)).")
            }
        }
        lines.append("")
        lines.append("History")
        for entry in detail.history {
            var line = "  \(entry.at)  \(safe(entry.actor))  \(entry.field)"
            if entry.oldValue != nil || entry.newValue != nil {
                line += " \(entry.oldValue.map(safe) ?? "(none)") → \(entry.newValue.map(safe) ?? "(none)")"
            }
            if let note = entry.note { line += "  — \(safe(note))" }
            lines.append(line)
        }
        if detail.history.isEmpty { lines.append("  (no records)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown for a review document: the same facts as ``text(_:on:)``, the factors addressed
    /// and the history as tables. Stored text is escaped for Markdown and its control characters
    /// neutralised.
    static func markdown(_ detail: ActionDetail, on day: CalendarDate) -> String {
        let inline = Listing.markdownInline
        let tracked = detail.tracked
        let action = tracked.action
        var out = "## \(inline(action.title))\n\n"
        out += "**id** `\(tracked.globalID)` · \(action.kind.rawValue) · \(action.priority.rawValue) priority · \(action.status.rawValue)\n\n"
        out += "- incident: `\(tracked.incidentID)` \(inline(detail.incidentTitle))\n"
        out += "- owner: \(action.owner.map(inline) ?? "(none)")\n"
        var due = tracked.effectiveDue.map { "\($0)\(tracked.isDueDerived ? " (derived)" : "")" } ?? "(none)"
        if let days = tracked.daysOverdue(on: day) { due += " · **overdue** by \(days) day\(days == 1 ? "" : "s") on \(day)" }
        out += "- due: \(due)\n"
        out += "- created: \(tracked.createdAt)\n"
        if let completedAt = action.completedAt { out += "- closed: \(completedAt)\n" }
        if let ticket = action.ticket { out += "- ticket: \(inline(ticket))\n" }
        if !detail.addressedFactors.isEmpty {
            let listing = Listing(columns: [.init("Factor"), .init("Cause"), .init("Title")],
                                  rows: detail.addressedFactors.map { [$0.id, $0.cause, $0.title] })
            out += "\n### Addresses\n\n" + listing.markdown()
        }
        if !detail.didNotPreventRepeat.isEmpty {
            out += "\n### Did not prevent a repeat\n\n"
            for finding in detail.didNotPreventRepeat {
                out += "- factor \(finding.factor.factorID) (\(finding.factor.cause)) repeated as \(inline(finding.repeatName)) "
                    + "(\(finding.repeatLink.later.cause)), which began \(finding.repeatLink.later.incidentStartedAt), "
                    + "after the last of its actions was done (\(finding.lastCompletedAt))\n"
            }
        }
        let history = Listing(columns: [.init("At"), .init("Actor"), .init("Field"), .init("From"), .init("To"), .init("Note")],
                              rows: detail.history.map { [$0.at.description, $0.actor, $0.field, $0.oldValue ?? "", $0.newValue ?? "", $0.note ?? ""] })
        out += "\n### History\n\n" + (detail.history.isEmpty ? "(no records)\n" : history.markdown())
        return out
    }

    /// The listing's fields of the action, then `created_at`, `incident_title`, `addresses`,
    /// `did_not_prevent_repeat` and `history`.
    static func json(_ detail: ActionDetail, on day: CalendarDate) -> StructuredValue {
        guard case .mapping(var entries) = ActionListingJSON.action(detail.tracked, on: day) else { return .null }
        entries.append(.init("incident_title", .text(detail.incidentTitle)))
        entries.append(.init("did_not_prevent_repeat", .sequence(detail.didNotPreventRepeat.map(FollowThroughJSON.finding))))
        entries.append(.init("history", .sequence(detail.history.map { entry in
            var record = MappingBuilder()
            record.add("at", text: entry.at.description)
            record.add("actor", text: entry.actor)
            record.add("field", text: entry.field)
            record.add("old_value", entry.oldValue.map(StructuredValue.text) ?? .null)
            record.add("new_value", entry.newValue.map(StructuredValue.text) ?? .null)
            record.add("note", entry.note.map(StructuredValue.text) ?? .null)
            return record.value
        })))
        return .mapping(entries)
    }
}
