import Foundation

/// The incidents of a synthetic history, made one at a time nearly in order of start, so that a
/// history of any length is written in constant memory.
///
/// Start times are the order statistics of uniform draws over the period, produced in ascending
/// order without storing them (each next point is the minimum of the remaining draws, which needs
/// only the count left). About one incident in twenty instead starts during the one before it, on
/// the same service, as follow-on failures do, unless that would be after the history's end. Such
/// a follow-on can start later than the incident made after it, which keeps to the ascending draws.
struct SyntheticIncidents: Sequence, IteratorProtocol {
    private let count: Int
    private let services: SyntheticServices
    private let period: SyntheticPeriod
    private var random: SplitMix64
    private var produced = 0
    private var position = 0.0
    private var previous: (service: Int, start: Instant, minutes: Int)?

    init(count: Int, services: SyntheticServices, period: SyntheticPeriod, seed: UInt64) {
        self.count = count
        self.services = services
        self.period = period
        random = SplitMix64(seed: seed, stream: 2)
    }

    mutating func next() -> Incident? {
        guard produced < count else { return nil }
        let remaining = Double(count - produced)
        position += (1 - position) * (1 - pow(1 - random.unit(), 1 / remaining))
        produced += 1
        let spanSeconds = Double(period.end.millisecondsSinceEpoch - period.start.millisecondsSinceEpoch) / 1000
        var start = period.start.adding(seconds: Int64(position * spanSeconds))
        var primary = services.pick(&random)
        if let previous, previous.minutes >= 4, random.chance(0.05) {
            let during = previous.start.adding(seconds: Int64(random.int(in: 1...(previous.minutes - 1))) * 60)
            // The one before may run past the history's end; a follow-on that would begin after it
            // keeps its own start, so that every incident begins within the years asked for.
            if during < period.end {
                primary = previous.service
                start = during
            }
        }
        var builder = IncidentBuilder(number: produced, start: start, primary: primary, services: services,
                                      period: period, random: random)
        let incident = builder.build()
        random = builder.random
        previous = incident.nearMiss ? nil : (primary, start, builder.minutes)
        return incident
    }
}

/// Makes one incident: times, impacts, factors, actions, timeline and the prose around them.
private struct IncidentBuilder {
    let number: Int
    let start: Instant
    let primary: Int
    let services: SyntheticServices
    let period: SyntheticPeriod
    var random: SplitMix64
    /// Minutes from start to mitigation.
    private(set) var minutes = 0

    init(number: Int, start: Instant, primary: Int, services: SyntheticServices, period: SyntheticPeriod,
         random: SplitMix64) {
        self.number = number
        self.start = start
        self.primary = primary
        self.services = services
        self.period = period
        self.random = random
    }

    private static let alerts = ["error rate above 5%", "p99 latency above 2 s", "health check failures",
                                 "synthetic check failing", "saturation above 90%", "5xx responses at the load balancer"]
    private static let investigation = [
        "On-call engineer paged; incident channel opened.", "Responders ruled out the latest deploy.",
        "Traffic shifted away from the failing zone.", "Database team joined the call.",
        "Status page updated.", "Rollback started.", "Failover to the standby attempted.",
        "Throttling enabled at the gateway to protect the backend.", "Error logs show timeouts to the upstream.",
        "Replication lag confirmed on the read replicas.", "Cache hit rate down to a third of normal.",
        "Deadlock reports found in the database log.", "Certificate chain checked from outside.",
    ]
    private static let owners = ["sre-team", "platform-team", "dba-team", "network-team", "security-team",
                                 "payments-team", "web-team", "data-team"]

    mutating func build() -> Incident {
        let profile = services.profiles[primary].service
        minutes = max(1, min(5760, Int(random.logNormal(median: 28, sigma: 1.25).rounded())))
        let mitigated = start.adding(seconds: Int64(minutes) * 60)
        let detectionDelay = min(minutes, Int(random.logNormal(median: 3, sigma: 1).rounded()))
        let detected = start.adding(seconds: Int64(detectionDelay) * 60)
        let resolved = random.chance(0.4)
            ? mitigated
            : mitigated.adding(seconds: Int64(min(4320, max(1, random.logNormal(median: 25, sigma: 1.3)))) * 60)
        let nearMiss = random.chance(0.05)

        let factors = makeFactors(start: start)
        let triggerCause = factors.first.map(\.entry) ?? CauseCatalogue.all[0]
        let impacts = nearMiss ? [] : makeImpacts(mitigated: mitigated)
        let fraction = impacts.first?.fraction ?? 1
        let detection = makeDetection(nearMiss: nearMiss)
        let actions = makeActions(factors: factors, service: profile, resolved: resolved, detectionDelay: detectionDelay)

        let leaf = triggerCause.path.split(separator: "/").last.map(String.init) ?? "incident"
        let id = "\(start.utcDate)-\(profile.id)-\(leaf)-\(number)"
        let title = nearMiss
            ? "Near miss on \(profile.name): \(triggerCause.trigger), caught before customers were affected"
            : "\(profile.name) \(triggerCause.symptom) after \(triggerCause.trigger)"

        var summary = nearMiss
            ? "\(Self.capitalised(triggerCause.trigger)) was caught before it reached customers of \(profile.name)."
            : "\(profile.name) \(triggerCause.symptom) for \(Self.spoken(minutes: minutes))"
                + (fraction < 1 ? ", affecting about \(Int((fraction * 100).rounded()))% of requests." : ".")
        for factor in factors.prefix(3) { summary += " \(factor.factor.title)." }
        summary += " \(triggerCause.mitigation)"

        var tags: [String] = []
        for tag in factors.flatMap(\.entry.tags) + (nearMiss ? ["near-miss"] : []) where !tags.contains(tag) {
            tags.append(tag)
        }

        return Incident(
            id: id, title: title, severity: severity(nearMiss: nearMiss, fraction: fraction, tier: profile.tier ?? 2),
            nearMiss: nearMiss, detection: detection, startedAt: start, detectedAt: detected,
            mitigatedAt: mitigated, resolvedAt: resolved, summary: summary,
            source: random.chance(0.3) ? "https://wiki.example.com/postmortems/\(id)" : nil,
            tags: Array(tags.prefix(4)), impacts: impacts, factors: factors.map(\.factor), actions: actions,
            timeline: makeTimeline(trigger: triggerCause, detection: detection, detected: detected,
                                   mitigated: mitigated, resolved: resolved))
    }

    /// The primary service over the whole impact, sometimes one or two more over part of it.
    private mutating func makeImpacts(mitigated: Instant) -> [Impact] {
        var impacts = [Impact(serviceID: services.profiles[primary].service.id, start: start, end: mitigated,
                              fraction: makeFraction(), note: nil)]
        if let note = impactNote(impacts[0].fraction) { impacts[0].note = note }
        var hit = [primary]
        let extra = random.chance(0.25) ? (random.chance(0.3) ? 2 : 1) : 0
        for _ in 0..<extra where hit.count < services.profiles.count {
            var other = services.pick(&random)
            while hit.contains(other) { other = (other + 1) % services.profiles.count }
            hit.append(other)
            let offset = random.below(minutes)
            let length = random.int(in: 1...(minutes - offset))
            let fraction = makeFraction()
            let impactStart = start.adding(seconds: Int64(offset) * 60)
            impacts.append(Impact(serviceID: services.profiles[other].service.id, start: impactStart,
                                  end: impactStart.adding(seconds: Int64(length) * 60), fraction: fraction,
                                  note: impactNote(fraction)))
        }
        return impacts
    }

    private mutating func makeFraction() -> Double {
        random.chance(0.4) ? 1 : Double(random.int(in: 5...95)) / 100
    }

    private mutating func impactNote(_ fraction: Double) -> String? {
        guard fraction < 1, random.chance(0.5) else { return nil }
        let percent = Int((fraction * 100).rounded())
        return random.pick(["About \(percent)% of requests failed.", "\(percent)% of users saw errors or timeouts.",
                            "Roughly \(percent)% of calls returned 5xx; the rest were slow."])
    }

    private mutating func makeDetection(nearMiss: Bool) -> DetectionSource {
        if nearMiss { return random.chance(0.6) ? .staff : .monitoring }
        let sources: [DetectionSource] = [.monitoring, .customer, .staff, .thirdParty, .unknown]
        return sources[random.weightedIndex([0.62, 0.18, 0.12, 0.05, 0.03])]
    }

    private mutating func severity(nearMiss: Bool, fraction: Double, tier: Int) -> Severity? {
        if random.chance(0.02) { return nil }
        if nearMiss { return random.chance(0.5) ? .sev4 : .sev5 }
        let weightedMinutes = fraction * Double(minutes)
        var level = weightedMinutes >= 120 ? 1 : weightedMinutes >= 30 ? 2 : weightedMinutes >= 8 ? 3 : 4
        if tier == 3 { level += 1 }
        if tier == 1, fraction == 1, minutes >= 60 { level = 1 }
        let severities: [Severity] = [.sev1, .sev2, .sev3, .sev4, .sev5]
        return severities[min(level, 5) - 1]
    }

    /// 1–4 factors with distinct causes; the first is nearly always the trigger.
    private mutating func makeFactors(start: Instant) -> [(factor: Factor, entry: CauseEntry)] {
        let wanted = random.weightedIndex([0.25, 0.35, 0.25, 0.15]) + 1
        let laterRoles: [FactorRole] = [.latent, .amplifier, .detectionGap, .recoveryImpediment, .contributing]
        var factors: [(factor: Factor, entry: CauseEntry)] = []
        for index in 0..<wanted {
            let role = index == 0
                ? (random.chance(0.92) ? .trigger : .contributing)
                : laterRoles[random.weightedIndex([0.35, 0.2, 0.15, 0.1, 0.2])]
            let candidates = CauseCatalogue.causes(for: role)
            var entry = random.pick(candidates)
            var attempts = 0
            while factors.contains(where: { $0.entry.path == entry.path }), attempts < 5 {
                entry = random.pick(candidates)
                attempts += 1
            }
            if factors.contains(where: { $0.entry.path == entry.path }) { continue }
            let dated = role == .latent ? random.chance(0.7) : (role == .amplifier || role == .contributing) && random.chance(0.15)
            factors.append((Factor(id: entry.path.replacingOccurrences(of: "/", with: "-"), title: random.pick(entry.titles),
                                   cause: entry.path, role: role, introducedAt: dated ? introduced(before: start) : nil,
                                   description: random.chance(0.6) ? entry.description : nil),
                            entry))
        }
        return factors
    }

    /// When a latent defect came in: weeks to years earlier, known to the year, month, day or instant.
    private mutating func introduced(before start: Instant) -> FuzzyDate {
        let days = min(3650, max(1, random.logNormal(median: 240, sigma: 1)))
        let instant = start.adding(seconds: -Int64(days * 86_400))
        let date = instant.utcDate
        switch random.weightedIndex([0.2, 0.35, 0.4, 0.05]) {
        case 0: return .year(date.year)
        case 1: return .month(year: date.year, month: date.month)
        case 2: return .day(date)
        default: return .instant(Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch / 60_000 * 60_000))
        }
    }

    /// 1–5 actions drawn from the factors' follow-ups and some generic ones, in every status;
    /// older incidents have more of their actions closed.
    private mutating func makeActions(factors: [(factor: Factor, entry: CauseEntry)], service: Service,
                                      resolved: Instant, detectionDelay: Int) -> [RemediationAction] {
        var pool: [(kind: ActionKind, title: String, factor: String?)] = []
        for (factor, entry) in factors {
            for (kind, title) in entry.actions { pool.append((kind, title, factor.id)) }
        }
        pool.append((.process, "Update the \(service.name) runbook with this failure mode", nil))
        pool.append((.detect, "Add a synthetic check for \(service.name)", nil))
        pool.append((.process, "Hold a follow-up review with the \(service.team ?? "owning") team", nil))
        pool.append((.mitigate, "Document a manual failover for \(service.name)", nil))
        if detectionDelay >= 10 {
            pool.append((.investigate, "Investigate why detection took \(detectionDelay) minutes", nil))
        }
        let wanted = min(pool.count, random.weightedIndex([0.2, 0.3, 0.25, 0.15, 0.1]) + 1)
        let ageDays = Double(period.end.millisecondsSinceEpoch - resolved.millisecondsSinceEpoch) / 86_400_000
        let statusWeights: [Double] = ageDays > 365 ? [0.15, 0.08, 0.65, 0.12]
            : ageDays > 90 ? [0.27, 0.2, 0.45, 0.08] : [0.45, 0.3, 0.2, 0.05]
        let statuses: [ActionStatus] = [.open, .inProgress, .done, .wontDo]
        let priorities: [ActionPriority] = [.high, .medium, .low]

        var actions: [RemediationAction] = []
        for _ in 0..<wanted {
            let chosen = pool.remove(at: random.below(pool.count))
            let base = Self.slug(chosen.title)
            var id = base
            var suffix = 2
            while actions.contains(where: { $0.id == id }) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            var addresses = chosen.factor.map { [$0] } ?? []
            if let first = addresses.first, factors.count > 1, random.chance(0.15) {
                let other = random.pick(factors).factor.id
                if other != first { addresses.append(other) }
            }
            let status = statuses[random.weightedIndex(statusWeights)]
            var completed: Instant?
            if status.isClosed, random.chance(0.8) {
                let days = min(400, random.logNormal(median: 12, sigma: 1))
                var at = resolved.adding(seconds: Int64(days * 86_400) / 60 * 60)
                if resolved < period.end, at > period.end { at = period.end.adding(seconds: -3600) }
                completed = max(at, resolved)
            }
            actions.append(RemediationAction(
                id: id, title: chosen.title, kind: chosen.kind, addresses: addresses,
                owner: random.chance(0.85) ? random.pick(Self.owners) : nil,
                priority: priorities[random.weightedIndex([0.3, 0.5, 0.2])],
                due: random.chance(0.3) ? resolved.utcDate.adding(days: random.pick([7, 14, 30, 45, 60, 90])) : nil,
                status: status, completedAt: completed,
                ticket: random.chance(0.5) ? "https://tracker.example.com/browse/REL-\(1000 + random.below(90_000))" : nil))
        }
        return actions
    }

    private mutating func makeTimeline(trigger: CauseEntry, detection: DetectionSource, detected: Instant,
                                       mitigated: Instant, resolved: Instant) -> [TimelineEvent] {
        var events = [TimelineEvent(at: start, text: "Impact began: \(trigger.trigger).")]
        let noticed: String
        switch detection {
        case .monitoring: noticed = "Alert fired: \(random.pick(Self.alerts))."
        case .customer: noticed = "First customer reports reached support."
        case .staff: noticed = "An engineer noticed errors on the dashboard."
        case .thirdParty: noticed = "A partner reported failing API calls."
        case .unknown: noticed = "The incident channel was opened."
        }
        if detected > start { events.append(TimelineEvent(at: detected, text: noticed)) }
        let gapMinutes = Int(mitigated.seconds(since: detected) / 60)
        if gapMinutes >= 2 {
            let steps = min(gapMinutes - 1, random.int(in: 0...3))
            let offsets = (0..<steps).map { _ in random.int(in: 1...(gapMinutes - 1)) }.sorted()
            for offset in offsets {
                events.append(TimelineEvent(at: detected.adding(seconds: Int64(offset) * 60),
                                            text: random.pick(Self.investigation)))
            }
        }
        events.append(TimelineEvent(at: mitigated, text: trigger.mitigation))
        if resolved > mitigated {
            events.append(TimelineEvent(at: resolved, text: "Declared resolved; metrics back to baseline."))
        }
        return events
    }

    /// "12 minutes", "3 hours 5 minutes", "2 days 4 hours".
    static func spoken(minutes: Int) -> String {
        func unit(_ value: Int, _ name: String) -> String { "\(value) \(name)\(value == 1 ? "" : "s")" }
        if minutes < 60 { return unit(minutes, "minute") }
        if minutes < 1440 {
            return minutes % 60 == 0 ? unit(minutes / 60, "hour") : "\(unit(minutes / 60, "hour")) \(unit(minutes % 60, "minute"))"
        }
        let hours = minutes / 60 % 24
        return hours == 0 ? unit(minutes / 1440, "day") : "\(unit(minutes / 1440, "day")) \(unit(hours, "hour"))"
    }

    /// An action id from its title's first words: "add-exponential-backoff-with-jitter".
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.prefix(5).joined(separator: "-")
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
