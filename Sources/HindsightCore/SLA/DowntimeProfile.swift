/// The impact level of one service over a span, as a list of stretches of constant level: the
/// integral that every downtime figure is read from.
///
/// Stretches at level 0 (up, or inside maintenance) are left out.
public struct DowntimeProfile: Sendable {
    /// A stretch of constant, non-zero impact.
    public struct Stretch: Hashable, Sendable {
        /// Where the stretch lies.
        public var span: InstantSpan
        /// The largest fraction among the impacts covering it (1 under `partial: full`).
        public var level: Double
        /// The incidents whose impact reaches that level here; they share its downtime equally.
        public var incidentIDs: [String]
    }

    /// The stretches, in time order, not overlapping.
    public let stretches: [Stretch]

    /// The downtime: the sum of length × level, exactly (see ``ExactSeconds``).
    public var downtime: ExactSeconds {
        var rates = LevelRates()
        var total = ExactSeconds.zero
        for stretch in stretches { total += rates.downtime(of: stretch) }
        return total
    }

    /// The downtime in seconds: ``downtime`` rounded once to a `Double`.
    public var seconds: Double { downtime.seconds }

    /// The part of the profile inside `span`.
    public func restricted(to span: InstantSpan) -> DowntimeProfile {
        DowntimeProfile(stretches: stretches.compactMap { stretch in
            let part = stretch.span.clamped(to: span)
            guard !part.isEmpty else { return nil }
            return Stretch(span: part, level: stretch.level, incidentIDs: stretch.incidentIDs)
        })
    }

    /// The downtime attributed to each incident: each stretch's downtime is shared equally among
    /// the incidents at its level (to the attosecond). The shares add up to ``downtime`` but for
    /// that rounding.
    public var downtimeByIncident: [String: ExactSeconds] {
        var rates = LevelRates()
        var shares: [String: ExactSeconds] = [:]
        for stretch in stretches {
            let each = rates.downtime(of: stretch).dividedEqually(among: stretch.incidentIDs.count)
            for id in stretch.incidentIDs { shares[id, default: .zero] += each }
        }
        return shares
    }

    /// ``downtimeByIncident`` in seconds.
    public var secondsByIncident: [String: Double] { downtimeByIncident.mapValues(\.seconds) }

    /// The first instant by which the downtime since the profile's start reaches `downtime`, to
    /// the millisecond (rounded up); nil when it never does.
    public func instant(whenReaching downtime: ExactSeconds) -> Instant? {
        var rates = LevelRates()
        var accumulated = ExactSeconds.zero
        for stretch in stretches {
            let rate = rates.attosecondsPerMillisecond(at: stretch.level)
            let stretchDowntime = ExactSeconds(milliseconds: stretch.span.milliseconds, weightedByAttosecondsPerMillisecond: rate)
            if accumulated + stretchDowntime >= downtime {
                let needed = max(0, (downtime - accumulated).attoseconds)
                let (whole, part) = needed.quotientAndRemainder(dividingBy: max(rate, 1))
                let milliseconds = min(Int128(stretch.span.milliseconds), part == 0 ? whole : whole + 1)
                return stretch.span.start.adding(milliseconds: Int64(milliseconds))
            }
            accumulated += stretchDowntime
        }
        return nil
    }

    /// The attoseconds per millisecond of each impact level met so far: a profile has a handful of
    /// distinct levels, and reading a level's decimal digits is the costly part of weighing a stretch.
    private struct LevelRates {
        private var known: [Double: Int128] = [1: ExactSeconds.attosecondsPerMillisecond]

        mutating func attosecondsPerMillisecond(at level: Double) -> Int128 {
            if let rate = known[level] { return rate }
            let rate = ExactSeconds.attosecondsPerMillisecond(at: level)
            known[level] = rate
            return rate
        }

        mutating func downtime(of stretch: Stretch) -> ExactSeconds {
            ExactSeconds(milliseconds: stretch.span.milliseconds,
                         weightedByAttosecondsPerMillisecond: attosecondsPerMillisecond(at: stretch.level))
        }
    }
}
