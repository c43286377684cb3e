/// The records of one interchange document (or of several merged), as decoded and validated on
/// their own. Cross-record rules (references, duplicates, conflicts with stored data) are checked
/// on import.
public struct InterchangeDocument {
    /// Services, in the order written.
    public var services: [Located<Service>] = []
    /// SLAs, in the order written.
    public var slas: [Located<ServiceLevelAgreement>] = []
    /// Maintenance windows, in the order written.
    public var maintenance: [Located<MaintenanceWindow>] = []
    /// Incidents, in the order written.
    public var incidents: [Located<Incident>] = []

    /// An empty document.
    public init() {}

    /// Appends all records of `other` after this document's.
    public mutating func append(contentsOf other: InterchangeDocument) {
        services += other.services
        slas += other.slas
        maintenance += other.maintenance
        incidents += other.incidents
    }
}
