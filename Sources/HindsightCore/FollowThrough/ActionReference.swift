/// The global name of an action, `<incident-id>/<action-id>`.
public struct ActionReference: Hashable, Sendable, CustomStringConvertible {
    /// The incident's id.
    public let incidentID: String
    /// The action's id within the incident.
    public let actionID: String

    /// Creates a reference.
    public init(incidentID: String, actionID: String) {
        self.incidentID = incidentID
        self.actionID = actionID
    }

    /// Parses `<incident-id>/<action-id>`, both valid ids. When the text has that form but a part
    /// breaks the id rule (`inc/Fix-Keys`), the message names the part and the rule, since
    /// repeating the form would not say what is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValueParseError("\(QuotedValue.quote(text)) is not an action id; expected INCIDENT-ID/ACTION-ID, e.g. 2019-10-30-catalogue-overload/no-fetch-on-health")
        }
        for (part, role) in [(parts[0], "incident"), (parts[1], "action")] where !Identifier.isValid(part) {
            throw ValueParseError("\(QuotedValue.quote(text)) is not an action id: its \(role) id \(QuotedValue.quote(part)) is not a valid id; expected "
                                  + "\(Identifier.pattern): lower-case letters, digits, '.', '_' and '-', starting with a letter or "
                                  + "digit, at most 128 characters")
        }
        self.init(incidentID: parts[0], actionID: parts[1])
    }

    /// `<incident-id>/<action-id>`.
    public var description: String { "\(incidentID)/\(actionID)" }
}
