/// A defect or condition that contributed to an incident.
public struct Factor: Hashable, Sendable {
    /// The id, unique within its incident.
    public var id: String
    /// A one-line title.
    public var title: String
    /// The slash path in the cause taxonomy, e.g. `cache/key`.
    public var cause: String
    /// The part it played.
    public var role: FactorRole
    /// When the defect entered the system, to the precision known.
    public var introducedAt: FuzzyDate?
    /// A longer description.
    public var description: String?

    /// Creates a factor.
    public init(id: String, title: String, cause: String, role: FactorRole = .contributing,
                introducedAt: FuzzyDate? = nil, description: String? = nil) {
        self.id = id
        self.title = title
        self.cause = cause
        self.role = role
        self.introducedAt = introducedAt
        self.description = description
    }
}
