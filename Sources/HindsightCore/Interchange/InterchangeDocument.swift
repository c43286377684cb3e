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

    /// Appends one record to the list of its kind.
    public mutating func append(_ record: InterchangeRecord) {
        switch record {
        case .service(let service): services.append(service)
        case .sla(let sla): slas.append(sla)
        case .maintenance(let window): maintenance.append(window)
        case .incident(let incident): incidents.append(incident)
        }
    }

    /// Every record, services first, then SLAs, maintenance windows and incidents, each in the
    /// order written.
    public var records: [InterchangeRecord] {
        services.map(InterchangeRecord.service) + slas.map(InterchangeRecord.sla)
            + maintenance.map(InterchangeRecord.maintenance) + incidents.map(InterchangeRecord.incident)
    }

    /// Appends all records of `other` after this document's.
    public mutating func append(contentsOf other: InterchangeDocument) {
        services += other.services
        slas += other.slas
        maintenance += other.maintenance
        incidents += other.incidents
    }
}
