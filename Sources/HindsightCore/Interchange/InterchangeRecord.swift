/// One decoded and validated top-level record of an interchange document, with where it was
/// written.
public enum InterchangeRecord {
    /// An item of `services:`.
    case service(Located<Service>)
    /// An item of `slas:`.
    case sla(Located<ServiceLevelAgreement>)
    /// An item of `maintenance:`.
    case maintenance(Located<MaintenanceWindow>)
    /// An item of `incidents:`.
    case incident(Located<Incident>)
}
