/// An incident's state, derived from its times and never stored apart.
public enum IncidentState: String, Keyword {
    /// Neither mitigated nor resolved.
    case open
    /// Mitigated, not yet resolved.
    case mitigated
    /// Resolved.
    case resolved
}
