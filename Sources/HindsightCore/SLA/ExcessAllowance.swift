/// A fixed downtime allowance that is not shorter than every window its SLA judges, so that the
/// service could be down for a whole window within it.
///
/// Why a value and not only a message: the same finding is worded for the field of an
/// interchange file and for the options of `sla change`, which may keep a stored allowance while
/// other options change the windows; each words it from these facts.
public struct ExcessAllowance: Hashable, Sendable {
    /// The allowance per window.
    public let allowed: TimeSpan
    /// The kind of window the SLA judges.
    public let window: WindowKind
    /// The shortest window the allowance does not fit, in the SLA's zone; nil when the zone is
    /// not known and the allowance was held against the calendar's fewest days for `window`.
    public let shortest: SLAWindow?

    /// The length of the shortest window in whole seconds: the allowance must be shorter.
    public var shortestSeconds: Int64 {
        shortest.map { $0.span.milliseconds / 1000 } ?? Int64(window.shortestDays) * 86_400
    }

    /// The finding for an allowance of `allowed` in an SLA of `window`s in `calendar`'s zone
    /// (nil when the zone is not known) in force from `from` through `until` (either open), or
    /// nil when the allowance is shorter than every such window.
    public static func find(_ allowed: TimeSpan, window: WindowKind, in calendar: LocalCalendar?,
                            from: CalendarDate?, until: CalendarDate?) -> ExcessAllowance? {
        // An unknown zone is reported on its own; no zone has a window longer than the
        // calendar's days, so an allowance of that many days is too long in every zone.
        guard let calendar else {
            guard allowed.seconds >= Int64(window.shortestDays) * 86_400 else { return nil }
            return ExcessAllowance(allowed: allowed, window: window, shortest: nil)
        }
        let shortest = ShortestWindow.of(window, in: calendar, from: from, through: until)
        guard Int128(allowed.seconds) * 1000 >= Int128(shortest.span.milliseconds) else { return nil }
        return ExcessAllowance(allowed: allowed, window: window, shortest: shortest)
    }

    /// Why the allowance is refused, worded for an interchange field: `604800s is not shorter
    /// than a week window, which can be as short as 7 days`, or, where a clock change makes the
    /// shortest window shorter than its days, which window that is and how long it lasts.
    public var reason: String {
        guard let shortest, shortest.span.milliseconds != Int64(window.shortestDays) * Instant.millisecondsPerDay else {
            return "\(allowed) is not shorter than a \(window.rawValue) window, which can be as short as \(window.shortestDays) days"
        }
        let seconds = shortestSeconds
        return "\(allowed) is not shorter than every \(window.rawValue) window it applies to: in \(shortest.timeZoneName), "
            + "\(shortest.label) lasts only \(DurationText.exact(seconds: seconds)) (\(seconds)s)"
    }
}
