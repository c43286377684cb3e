/// How many records of each kind the knowledge base holds.
public struct KnowledgeBaseCounts: Equatable, Sendable {
    /// Services.
    public var services = 0
    /// SLAs.
    public var slas = 0
    /// Maintenance windows.
    public var maintenance = 0
    /// Incidents.
    public var incidents = 0
    /// Contributing factors.
    public var factors = 0
    /// Actions.
    public var actions = 0
    /// Actions that are open or in progress.
    public var openActions = 0

    /// Zero counts.
    public init() {}
}
