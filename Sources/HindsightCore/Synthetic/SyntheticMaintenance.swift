/// Announced maintenance of every service, produced lazily: service by service, each one's
/// windows in time order, a night-time hour or two every couple of months.
struct SyntheticMaintenance: Sequence, IteratorProtocol {
    private let serviceIDs: [String]
    private let period: SyntheticPeriod
    private let seed: UInt64
    private var serviceIndex = 0
    private var random: SplitMix64
    private var cursor: Instant

    private static let notes = [
        "PostgreSQL minor upgrade", "Kernel security patches", "Elasticsearch cluster upgrade",
        "Load balancer certificate rotation", "Redis failover test", "Data centre network maintenance",
        "Kafka broker rolling restart", "Storage firmware update", "Kubernetes node pool upgrade",
        "Database index rebuild", "TLS library upgrade", "DNS provider migration",
    ]

    init(serviceIDs: [String], period: SyntheticPeriod, seed: UInt64) {
        self.serviceIDs = serviceIDs
        self.period = period
        self.seed = seed
        random = SplitMix64(seed: seed, stream: 1_000_000)
        cursor = period.start
    }

    mutating func next() -> MaintenanceWindow? {
        while serviceIndex < serviceIDs.count {
            let gapDays = 20 + random.logNormal(median: 50, sigma: 0.6)
            let day = cursor.adding(seconds: Int64(gapDays * 86_400)).utcDate
            if day.startInstantUTC < period.end {
                let start = day.startInstantUTC.adding(seconds: Int64(random.int(in: 4...16)) * 900)
                let minutes = random.pick([30, 45, 60, 90, 120, 180])
                let end = start.adding(seconds: Int64(minutes) * 60)
                cursor = end
                let note = random.chance(0.9) ? random.pick(Self.notes) : nil
                return MaintenanceWindow(serviceID: serviceIDs[serviceIndex], start: start, end: end, note: note)
            }
            serviceIndex += 1
            random = SplitMix64(seed: seed, stream: 1_000_000 + UInt64(serviceIndex))
            cursor = period.start
        }
        return nil
    }
}
