import HindsightCore

/// The one-line confirmation of a change to an action.
enum ActionChangeText {
    /// `Updated ID: status open → done; completed_at (none) → 2024-…` or `No change: …`.
    static func summary(_ reference: ActionReference, _ change: ActionChange, noted: Bool) -> String {
        guard !change.changes.isEmpty else {
            return noted ? "Noted on \(reference).\n" : "No change: \(reference) already has those values.\n"
        }
        let parts = change.changes.map { "\($0.field) \($0.oldValue ?? "(none)") → \($0.newValue ?? "(none)")" }
        return "Updated \(reference): " + TerminalText.neutralised(parts.joined(separator: "; ")) + ".\n"
    }
}
