/// One record of an action's append-only history: who changed which field from what to what,
/// when, and why.
public struct ActionHistoryEntry: Hashable, Sendable {
    /// The record's place in the history of the whole knowledge base; later records have larger numbers.
    public let sequence: Int64
    /// When the change was made.
    public let at: Instant
    /// Who made it.
    public let actor: String
    /// What changed: `created` (by an import), `added` (by `action add`), `removed`, `status`,
    /// `owner`, `due`, `completed_at`, or `note` for a note with no other change.
    public let field: String
    /// The value before, as text; nil when there was none.
    public let oldValue: String?
    /// The value after, as text; nil when there is none.
    public let newValue: String?
    /// Why, in the author's words, or the command that made the change.
    public let note: String?

    /// Creates a record.
    public init(sequence: Int64, at: Instant, actor: String, field: String, oldValue: String?, newValue: String?, note: String?) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.note = note
    }
}
