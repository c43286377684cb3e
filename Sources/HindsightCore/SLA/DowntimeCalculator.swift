/// Downtime of one service over a span, by the rules of the SLA arithmetic: at each instant the
/// largest fraction among the impacts covering it (a minute is down once), every fraction as 1
/// under `partial: full`, nothing inside maintenance, ongoing impacts running to the as-of
/// instant, and nothing at or after the as-of instant.
public enum DowntimeCalculator {
    /// The impact profile of `impacts` over `span`, evaluated as of `asOf`.
    /// - Parameters:
    ///   - impacts: the service's impact intervals, in any order; those outside `span` are ignored.
    ///   - maintenance: the service's announced maintenance, in any order, overlapping or not.
    ///   - policy: how partial impact counts.
    public static func profile(over span: InstantSpan, impacts: [DowntimeInterval], maintenance: [InstantSpan],
                               policy: PartialImpactPolicy, asOf: Instant) -> DowntimeProfile {
        let evaluated = span.cut(at: asOf)
        guard !evaluated.isEmpty else { return DowntimeProfile(stretches: []) }

        enum Change { case impactStarts(Int), impactEnds(Int), maintenanceStarts, maintenanceEnds }
        var events: [(at: Instant, change: Change)] = []
        for (index, impact) in impacts.enumerated() {
            let clipped = InstantSpan(start: impact.start, end: impact.end ?? asOf).clamped(to: evaluated)
            guard !clipped.isEmpty, impact.fraction > 0 else { continue }
            events.append((clipped.start, .impactStarts(index)))
            events.append((clipped.end, .impactEnds(index)))
        }
        guard !events.isEmpty else { return DowntimeProfile(stretches: []) }
        for window in maintenance {
            let clipped = window.clamped(to: evaluated)
            guard !clipped.isEmpty else { continue }
            events.append((clipped.start, .maintenanceStarts))
            events.append((clipped.end, .maintenanceEnds))
        }
        events.sort { $0.at < $1.at }

        var active: [Int: Double] = [:]
        var maintenanceDepth = 0
        var stretches: [DowntimeProfile.Stretch] = []
        var index = 0
        while index < events.count {
            let now = events[index].at
            while index < events.count, events[index].at == now {
                switch events[index].change {
                case .impactStarts(let impact):
                    active[impact] = policy == .full ? 1 : impacts[impact].fraction
                case .impactEnds(let impact): active[impact] = nil
                case .maintenanceStarts: maintenanceDepth += 1
                case .maintenanceEnds: maintenanceDepth -= 1
                }
                index += 1
            }
            guard index < events.count, maintenanceDepth == 0, let level = active.values.max() else { continue }
            // One impact at a time is the common case; it needs no set of owners.
            let owners = active.count == 1 ? active.keys.map { impacts[$0].incidentID }
                : Set(active.filter { $0.value == level }.map { impacts[$0.key].incidentID }).sorted()
            let stretch = DowntimeProfile.Stretch(span: InstantSpan(start: now, end: events[index].at),
                                                  level: level, incidentIDs: owners)
            if let last = stretches.last, last.span.end == now, last.level == level, last.incidentIDs == owners {
                stretches[stretches.count - 1].span = InstantSpan(start: last.span.start, end: stretch.span.end)
            } else {
                stretches.append(stretch)
            }
        }
        return DowntimeProfile(stretches: stretches)
    }

    /// The downtime in seconds of `impacts` over `span`, as of `asOf`.
    public static func seconds(over span: InstantSpan, impacts: [DowntimeInterval], maintenance: [InstantSpan],
                               policy: PartialImpactPolicy, asOf: Instant) -> Double {
        profile(over: span, impacts: impacts, maintenance: maintenance, policy: policy, asOf: asOf).seconds
    }
}
