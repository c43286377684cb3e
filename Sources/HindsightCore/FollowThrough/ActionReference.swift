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

    /// Parses `<incident-id>/<action-id>`, both valid ids.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Identifier.isValid(parts[0]), Identifier.isValid(parts[1]) else {
            throw ValueParseError("'\(text)' is not an action id; expected INCIDENT-ID/ACTION-ID, e.g. 2019-10-30-catalogue-overload/no-fetch-on-health")
        }
        self.init(incidentID: parts[0], actionID: parts[1])
    }

    /// `<incident-id>/<action-id>`.
    public var description: String { "\(incidentID)/\(actionID)" }
}
