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

    /// Whether the two SLAs are in force at some instant in common. Each SLA's dates are days of
    /// its own time zone, so two SLAs whose dates do not overlap can still share hours: one in UTC
    /// until 2025-10-31 and one in Pacific/Kiritimati (UTC+14) from 2025-11-01 are both in force
    /// from 2025-10-31T10:00Z to 2025-11-01T00:00Z.
    /// - Throws: ``ValueParseError`` when either SLA names a time zone this machine does not know.
    public func overlaps(_ other: ServiceLevelAgreement) throws -> Bool {
        let mine = try effectivePeriod(), theirs = try other.effectivePeriod()
        return Self.isBefore(mine.start, theirs.end) && Self.isBefore(theirs.start, mine.end)
    }

    /// The instants the SLA is in force: from the local midnight that begins `effectiveFrom` to
    /// the one that ends `effectiveUntil`, in its time zone; nil where that date is absent
    /// (unbounded).
    /// - Throws: ``ValueParseError`` when the SLA names a time zone this machine does not know.
    public func effectivePeriod() throws -> (start: Instant?, end: Instant?) {
        guard effectiveFrom != nil || effectiveUntil != nil else { return (nil, nil) }
        let calendar = try LocalCalendar(timeZoneName: timeZone)
        return (effectiveFrom.map(calendar.startOfDay), effectiveUntil.map { calendar.startOfDay($0.adding(days: 1)) })
    }

    /// Whether `start` comes before `end`, a missing start being the earliest and a missing end
    /// the latest.
    private static func isBefore(_ start: Instant?, _ end: Instant?) -> Bool {
        guard let start, let end else { return true }
        return start < end
    }
}
