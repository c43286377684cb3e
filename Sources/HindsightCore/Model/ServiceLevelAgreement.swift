/// An availability commitment of one service over calendar-aligned windows.
///
/// A service may have several SLAs with disjoint effective periods; one is identified by its
/// service and `effectiveFrom` (absent meaning "since always").
public struct ServiceLevelAgreement: Hashable, Sendable {
    /// The service the SLA covers.
    public var serviceID: String
    /// The downtime allowed per window.
    public var allowance: DowntimeAllowance
    /// The window kind.
    public var window: WindowKind
    /// The IANA time zone whose local midnights bound the windows.
    public var timeZone: String
    /// The first day the SLA applies (inclusive), or nil for always.
    public var effectiveFrom: CalendarDate?
    /// The last day the SLA applies (inclusive), or nil for open-ended.
    public var effectiveUntil: CalendarDate?
    /// How partial impact counts against this SLA.
    public var partial: PartialImpactPolicy
    /// Service-credit tiers, as listed.
    public var credits: [CreditTier]

    /// Creates an SLA.
    public init(serviceID: String, allowance: DowntimeAllowance, window: WindowKind, timeZone: String = "UTC",
                effectiveFrom: CalendarDate? = nil, effectiveUntil: CalendarDate? = nil,
                partial: PartialImpactPolicy = .weighted, credits: [CreditTier] = []) {
        self.serviceID = serviceID
        self.allowance = allowance
        self.window = window
        self.timeZone = timeZone
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.partial = partial
        self.credits = credits
    }

    /// Whether the two SLAs' effective periods share at least one day.
    public func overlaps(_ other: ServiceLevelAgreement) -> Bool {
        let selfStart = effectiveFrom?.daysSinceEpoch ?? Int64.min
        let selfEnd = effectiveUntil?.daysSinceEpoch ?? Int64.max
        let otherStart = other.effectiveFrom?.daysSinceEpoch ?? Int64.min
        let otherEnd = other.effectiveUntil?.daysSinceEpoch ?? Int64.max
        return selfStart <= otherEnd && otherStart <= selfEnd
    }
}
