/// The services of a synthetic history, with their SLAs and how often each one breaks.
///
/// Service i takes the i-th window kind, time zone and allowance style in turn, so that even a
/// dozen services cover every window kind, fixed and objective allowances, credit tiers and
/// `partial: full`; the values within each style are drawn at random.
struct SyntheticServices {
    /// A service and how incident-prone it is relative to the others.
    struct Profile {
        let service: Service
        let weight: Double
    }

    let profiles: [Profile]
    let slas: [ServiceLevelAgreement]

    /// Cumulative incident weights, for picking a service in proportion to its weight.
    private let cumulativeWeights: [Double]

    private static let bases: [(id: String, name: String, team: String, description: String)] = [
        ("checkout-api", "Checkout API", "payments", "Takes orders and card payments from the web shop and the apps."),
        ("catalogue-api", "Catalogue API", "discovery", "Product and price data for every storefront."),
        ("search-api", "Search API", "discovery", "Full-text product search on Elasticsearch."),
        ("auth-service", "Auth Service", "identity", "Sign-in, sessions and tokens."),
        ("image-resizer", "Image Resizer", "media", "Resizes and crops images on the fly behind the CDN."),
        ("payments-gateway", "Payments Gateway", "payments", "Talks to the card payment providers."),
        ("website", "Website", "web", "The public website and storefront."),
        ("notification-service", "Notification Service", "messaging", "Push, email and SMS notifications."),
        ("orders-db", "Orders Database", "data", "The PostgreSQL cluster behind orders and payments."),
        ("url-shortener", "URL Shortener", "platform", "Short links for campaigns and sharing."),
        ("mobile-backend", "Mobile Backend", "mobile", "The API the iOS and Android apps call."),
        ("cdn-edge", "CDN Edge", "platform", "Edge caching and TLS termination."),
        ("recommendations", "Recommendations", "discovery", "Personalised product recommendations."),
        ("event-bus", "Event Bus", "platform", "The Kafka cluster that carries domain events."),
        ("user-profile", "User Profile", "identity", "Profiles, preferences and addresses."),
        ("billing-batch", "Billing Batch", "payments", "Nightly invoicing and settlement jobs."),
        ("inventory-api", "Inventory API", "fulfilment", "Stock levels per warehouse."),
        ("shipping-api", "Shipping API", "fulfilment", "Carrier quotes, labels and tracking."),
        ("session-store", "Session Store", "identity", "The Redis cluster that holds user sessions."),
        ("feature-flags", "Feature Flags", "platform", "Flag evaluation for every service."),
        ("admin-portal", "Admin Portal", "internal-tools", "Back-office tools for support staff."),
        ("analytics-pipeline", "Analytics Pipeline", "data", "Clickstream ingestion and reporting."),
        ("email-relay", "Email Relay", "messaging", "Outbound email through the mail provider."),
        ("video-transcoder", "Video Transcoder", "media", "Transcodes uploaded video for streaming."),
    ]

    /// Zones with and without daylight saving time, on both sides of UTC, and one half-hour offset.
    static let timeZones = ["UTC", "Europe/Prague", "America/Los_Angeles", "Asia/Tokyo", "America/New_York",
                            "Europe/London", "Australia/Adelaide", "America/Sao_Paulo"]

    private static let windows: [WindowKind] = [.month, .quarter, .year, .week]

    private static let fixedAllowances: [WindowKind: [Int64]] = [
        .year: [900, 3600, 14_400], .quarter: [1800, 7200], .month: [600, 2700], .week: [300, 1200],
    ]

    private static let objectives: [Double] = [99, 99.5, 99.9, 99.95, 99.99]

    init(count: Int, period: SyntheticPeriod, seed: UInt64) {
        var random = SplitMix64(seed: seed, stream: 1)
        var profiles: [Profile] = []
        var slas: [ServiceLevelAgreement] = []
        for index in 0..<count {
            let base = Self.bases[index % Self.bases.count]
            let cell = index / Self.bases.count
            let service = Service(
                id: cell == 0 ? base.id : "\(base.id)-\(cell + 1)",
                name: cell == 0 ? base.name : "\(base.name) (cell \(cell + 1))",
                team: base.team,
                tier: random.int(in: 1...3),
                description: base.description)
            profiles.append(Profile(service: service, weight: random.logNormal(median: 1, sigma: 0.8)))
            slas += Self.agreements(for: service.id, index: index, period: period, random: &random)
        }
        self.profiles = profiles
        self.slas = slas
        var running = 0.0
        cumulativeWeights = profiles.map { running += $0.weight; return running }
    }

    /// The index of a service picked in proportion to the services' weights.
    func pick(_ random: inout SplitMix64) -> Int {
        let target = random.unit() * (cumulativeWeights.last ?? 0)
        var low = 0, high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// One SLA, or two when the terms changed during the history (the second stricter, starting
    /// the day after the first ends, since effective periods must not overlap).
    private static func agreements(for serviceID: String, index: Int, period: SyntheticPeriod,
                                   random: inout SplitMix64) -> [ServiceLevelAgreement] {
        let window = windows[index % windows.count]
        let timeZone = timeZones[index % timeZones.count]
        let partial: PartialImpactPolicy = index % 5 == 1 ? .full : .weighted
        let fixed = index % 3 == 2
        func allowance(stricter: Bool) -> DowntimeAllowance {
            if fixed {
                let choices = fixedAllowances[window] ?? [3600]
                let seconds = random.pick(choices)
                return .fixed(TimeSpan(seconds: stricter ? seconds / 2 : seconds))
            }
            let choice = random.below(objectives.count - 1)
            return .objective(percent: objectives[stricter ? choice + 1 : choice])
        }
        func credits(for allowance: DowntimeAllowance) -> [CreditTier] {
            guard index % 2 == 0 || random.chance(0.3) else { return [] }
            var tiers: [CreditTier] = []
            if case .objective(let percent) = allowance {
                tiers.append(CreditTier(belowPercent: percent, creditPercent: 10))
                if percent > 99 { tiers.append(CreditTier(belowPercent: 99, creditPercent: 25)) }
            } else {
                tiers.append(CreditTier(belowPercent: 99.9, creditPercent: 10))
                tiers.append(CreditTier(belowPercent: 99, creditPercent: 25))
            }
            tiers.append(CreditTier(belowPercent: 95, creditPercent: 50))
            return tiers
        }
        let startsWithHistory = random.chance(0.3)
        let first = allowance(stricter: false)
        var agreement = ServiceLevelAgreement(
            serviceID: serviceID, allowance: first, window: window, timeZone: timeZone,
            effectiveFrom: startsWithHistory ? period.firstDay : nil, partial: partial, credits: credits(for: first))
        let totalMonths = period.years * 12
        guard totalMonths >= 6, random.chance(0.35) else { return [agreement] }
        let change = period.firstDayOfMonth(random.int(in: 3...(totalMonths - 3)))
        agreement.effectiveUntil = change.adding(days: -1)
        let second = allowance(stricter: true)
        let successor = ServiceLevelAgreement(
            serviceID: serviceID, allowance: second, window: window, timeZone: timeZone,
            effectiveFrom: change, partial: partial, credits: credits(for: second))
        return [agreement, successor]
    }
}
