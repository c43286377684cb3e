/// A service that incidents can hit and SLAs can cover.
public struct Service: Hashable, Sendable {
    /// The stable id, e.g. `image-api`.
    public var id: String
    /// The display name.
    public var name: String
    /// The owning team, if known.
    public var team: String?
    /// Criticality, 1 being the most critical.
    public var tier: Int?
    /// A short description.
    public var description: String?

    /// Creates a service.
    public init(id: String, name: String, team: String? = nil, tier: Int? = nil, description: String? = nil) {
        self.id = id
        self.name = name
        self.team = team
        self.tier = tier
        self.description = description
    }
}
