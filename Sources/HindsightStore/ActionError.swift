/// Why an action could not be found, added or changed. Nothing was written.
public enum ActionError: Error, Equatable, CustomStringConvertible {
    /// No incident with this id.
    case unknownIncident(String)
    /// No action with this global id.
    case unknownAction(String)
    /// The incident already has an action with this id.
    case duplicateAction(String)
    /// `--addresses` names a factor the incident does not have.
    case unknownFactor(incidentID: String, factorID: String, known: [String])

    /// A message naming the problem and what to do.
    public var description: String {
        switch self {
        case .unknownIncident(let id):
            return "no incident with id '\(id)'; 'hindsight incidents' lists them"
        case .unknownAction(let id):
            return "no action with id '\(id)'; 'hindsight actions' lists them"
        case .duplicateAction(let id):
            return "there is already an action '\(id)'; choose another --id, or change it with 'hindsight action update \(id)'"
        case .unknownFactor(let incidentID, let factorID, let known):
            return "--addresses: incident '\(incidentID)' has no factor '\(factorID)'; its factors: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        }
    }
}
