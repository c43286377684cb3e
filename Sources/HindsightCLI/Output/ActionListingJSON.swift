import HindsightCore

/// One action as the `actions` listing's JSON object (the command-line contract's fields first).
enum ActionListingJSON {
    static func action(_ tracked: TrackedAction, on day: CalendarDate) -> StructuredValue {
        let action = tracked.action
        var object = MappingBuilder()
        object.add("id", text: tracked.globalID)
        object.add("title", text: action.title)
        object.add("status", text: action.status.rawValue)
        object.add("due", tracked.effectiveDue.map { .text($0.description) } ?? .null)
        object.add("overdue", .bool(tracked.isOverdue(on: day)))
        object.add("days_overdue", tracked.daysOverdue(on: day).map { .integer(Int64($0)) } ?? .null)
        object.add("due_derived", .bool(tracked.isDueDerived))
        object.add("incident", text: tracked.incidentID)
        object.add("action", text: action.id)
        object.add("kind", text: action.kind.rawValue)
        object.add("priority", text: action.priority.rawValue)
        object.add("owner", action.owner.map(StructuredValue.text) ?? .null)
        object.add("addresses", .sequence(action.addresses.map(StructuredValue.text)))
        object.add("created_at", text: tracked.createdAt.description)
        object.add("completed_at", action.completedAt.map { .text($0.description) } ?? .null)
        object.add("ticket", action.ticket.map(StructuredValue.text) ?? .null)
        return object.value
    }
}
