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

    /// The downtime in seconds: the sum of length × level.
    ///
    /// Whole-level stretches are summed in integer milliseconds, so that full outages add up
    /// exactly; only partial ones go through floating point.
    public var seconds: Double {
        var fullMilliseconds: Int64 = 0
        var partialMilliseconds = 0.0
        for stretch in stretches {
            if stretch.level == 1 {
                fullMilliseconds += stretch.span.milliseconds
            } else {
                partialMilliseconds += Double(stretch.span.milliseconds) * stretch.level
            }
        }
        return (Double(fullMilliseconds) + partialMilliseconds) / 1000
    }

    /// The part of the profile inside `span`.
    public func restricted(to span: InstantSpan) -> DowntimeProfile {
        DowntimeProfile(stretches: stretches.compactMap { stretch in
            let part = stretch.span.clamped(to: span)
            guard !part.isEmpty else { return nil }
            return Stretch(span: part, level: stretch.level, incidentIDs: stretch.incidentIDs)
        })
    }

    /// The downtime in seconds attributed to each incident: each stretch's downtime is shared
    /// equally among the incidents at its level. The shares add up to ``seconds``.
    public var secondsByIncident: [String: Double] {
        var shares: [String: Double] = [:]
        for stretch in stretches {
            let each = Double(stretch.span.milliseconds) * stretch.level / 1000 / Double(stretch.incidentIDs.count)
            for id in stretch.incidentIDs { shares[id, default: 0] += each }
        }
        return shares
    }

    /// The first instant by which the downtime since the profile's start reaches `seconds`, to
    /// the millisecond (rounded up); nil when it never does.
    public func instant(whenReaching seconds: Double) -> Instant? {
        var accumulated = 0.0
        for stretch in stretches {
            let stretchSeconds = stretch.span.seconds * stretch.level
            if accumulated + stretchSeconds >= seconds {
                let neededMilliseconds = ((seconds - accumulated) / stretch.level * 1000).rounded(.up)
                return stretch.span.start.adding(milliseconds: min(stretch.span.milliseconds, Int64(max(0, neededMilliseconds))))
            }
            accumulated += stretchSeconds
        }
        return nil
    }
}
