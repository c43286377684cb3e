/// An earlier incident found similar to another, with its score and the reasons for it.
public struct SimilarIncident: Sendable {
    /// The earlier incident.
    public var incident: IncidentProfile
    /// The sum of the points of the reasons; higher is more similar.
    public var score: Double
    /// Each reason with the points it earned, strongest first.
    public var reasons: [(reason: SimilarityReason, points: Double)]

    /// Creates a result.
    public init(incident: IncidentProfile, score: Double, reasons: [(reason: SimilarityReason, points: Double)]) {
        self.incident = incident
        self.score = score
        self.reasons = reasons
    }
}
