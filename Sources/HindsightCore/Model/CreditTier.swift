/// One service-credit tier of an SLA: availability below `belowPercent` earns `creditPercent`.
public struct CreditTier: Hashable, Sendable {
    /// The availability threshold in percent; a closed window whose availability is below it earns the credit.
    public var belowPercent: Double
    /// The credit owed, in percent of the bill.
    public var creditPercent: Double

    /// Creates a tier.
    public init(belowPercent: Double, creditPercent: Double) {
        self.belowPercent = belowPercent
        self.creditPercent = creditPercent
    }
}
