/// Where in an incident's records a search hit was found.
public enum SearchField: String, CaseIterable, Sendable {
    /// The incident's title.
    case incidentTitle = "incident.title"
    /// The incident's summary.
    case incidentSummary = "incident.summary"
    /// A contributing factor's title.
    case factorTitle = "factor.title"
    /// A contributing factor's description.
    case factorDescription = "factor.description"
    /// An action's title.
    case actionTitle = "action.title"
    /// A timeline entry's text.
    case timelineText = "timeline.text"
}
