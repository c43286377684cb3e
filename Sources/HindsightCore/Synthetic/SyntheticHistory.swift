/// A realistic, made-up reliability history for load tests and demonstrations: services with
/// SLAs of every window kind in several time zones, maintenance windows, and incidents with
/// skewed durations, partial and full impacts, contributing factors from a cause taxonomy,
/// remediation actions in every status, and timelines.
///
/// Everything is fixed by the parameters: the same values give the same records, and the
/// interchange text written from them is byte for byte the same. Every incident is resolved, so
/// that reports over a generated history do not depend on the day they run.
public struct SyntheticHistory {
    /// The incident counts accepted.
    public static let incidentRange = 0...10_000_000
    /// The service counts accepted.
    public static let serviceRange = 1...1000
    /// The year counts accepted; the history ends with 2025.
    public static let yearRange = 1...100

    /// How many incidents the history has.
    public let incidentCount: Int
    /// How many services the history has.
    public let serviceCount: Int
    /// How many whole calendar years it covers, ending with 2025.
    public let years: Int
    /// The seed of the pseudo-random generator.
    public let seed: UInt64

    private let period: SyntheticPeriod
    private let catalogue: SyntheticServices

    /// A history of `incidents` incidents on `services` services over the `years` calendar years
    /// up to the end of 2025; throws when a count is outside its range.
    public init(incidents: Int, services: Int, years: Int, seed: UInt64) throws {
        for (name, value, range) in [("incidents", incidents, Self.incidentRange),
                                     ("services", services, Self.serviceRange), ("years", years, Self.yearRange)]
        where !range.contains(value) {
            throw ValueParseError("\(name) must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        incidentCount = incidents
        serviceCount = services
        self.years = years
        self.seed = seed
        period = SyntheticPeriod(years: years)
        catalogue = SyntheticServices(count: services, period: period, seed: seed)
    }

    /// The services.
    public var services: [Service] { catalogue.profiles.map(\.service) }

    /// The SLAs: one or two per service, the second when the terms changed during the history.
    public var slas: [ServiceLevelAgreement] { catalogue.slas }

    /// The maintenance windows, service by service, made as they are read.
    public var maintenance: some Sequence<MaintenanceWindow> {
        SyntheticMaintenance(serviceIDs: catalogue.profiles.map(\.service.id), period: period, seed: seed)
    }

    /// The incidents nearly in order of start (a follow-on incident may start after the next one),
    /// made as they are read.
    public var incidents: some Sequence<Incident> {
        SyntheticIncidents(count: incidentCount, services: catalogue, period: period, seed: seed)
    }

    /// Writes the whole history as one interchange JSON document, one record at a time.
    public func writeJSON<Output: TextOutputStream>(to output: inout Output) {
        writeJSON(to: &output, afterEachRecord: { _ in })
    }

    /// Writes the whole history as ``writeJSON(to:)`` does, calling `afterEachRecord` with `output`
    /// after each record; what it throws ends the history there, before the next record is made.
    public func writeJSON<Output: TextOutputStream>(to output: inout Output,
                                                    afterEachRecord: (inout Output) throws -> Void) rethrows {
        try InterchangeStreamWriter.write(services: services, slas: slas, maintenance: maintenance,
                                          incidents: incidents, to: &output, afterEachRecord: afterEachRecord)
    }
}
