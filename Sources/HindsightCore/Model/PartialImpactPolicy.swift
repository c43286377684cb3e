/// How an SLA counts partial impact: weighted by its fraction, or as full downtime.
public enum PartialImpactPolicy: String, Keyword {
    /// `weighted`.
    case weighted
    /// `full`.
    case full
}
