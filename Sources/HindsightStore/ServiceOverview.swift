import HindsightCore

/// A service with its SLAs and how often incidents hit it.
public struct ServiceOverview: Hashable, Sendable {
    /// The service.
    public var service: Service
    /// Its SLAs, by start.
    public var slas: [ServiceLevelAgreement]
    /// The number of incidents with an impact on it.
    public var incidentCount: Int

    /// Creates an overview.
    public init(service: Service, slas: [ServiceLevelAgreement], incidentCount: Int) {
        self.service = service
        self.slas = slas
        self.incidentCount = incidentCount
    }
}
