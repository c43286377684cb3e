import GRDB
import HindsightCore

/// Finds the actions that did not prevent a repeat that began in one span of time, reading the
/// factors near the span rather than the whole history, with the same answer as
/// ``IneffectiveActionRule`` over every factor and action.
///
/// Why the narrow read is enough. A factor F is repeated in the span only by a factor L of an
/// incident that started in it; F then has L's cause path or one above it, and a service of L's
/// incident: one of the span's *keys* (service, path). The read takes every factor from a
/// *window start* W on, where W is early enough that each key that any factor before the span
/// has is met by one in [W, span start). Then a factor F before W whose actions were all
/// completed before W has a repeat after that completion and before the span (the factor that
/// met its key), so its first repeat is not in the span and it cannot be flagged for it. What
/// is left to read from before W is only the factors with an action completed at W or later;
/// for those, and for every factor from W on, all the repeats that can come first lie in the
/// rows read.
///
/// When little history lies before the first window (a period near the start of the history, or
/// all of it), W is simply the beginning: every factor before the span is read at once.
enum IneffectiveActionReader {
    /// How far before the span the window starts at first: a quarter. It moves earlier only for
    /// keys the quarter before the span does not meet.
    static let firstLookBehind: Int64 = 91 * Instant.millisecondsPerDay

    /// With at most this many incidents before the look-behind, every factor before the span is
    /// read at once instead of the window being moved key by key.
    static let wholeReadLimit = 10_000

    private struct Key: Hashable {
        let service: String
        let cause: String
    }

    /// The findings of ``IneffectiveActionRule`` whose repeat began in `span`, ordered as the rule orders them.
    /// - Parameter wholeReadLimit: see ``wholeReadLimit``; tests lower it to take the narrow read.
    static func findings(_ db: Database, repeatsIn span: InstantSpan, wholeReadLimit: Int = wholeReadLimit) throws -> [IneffectiveAction] {
        let start = span.start.databaseValue, end = span.end.databaseValue
        let inSpan = try KnowledgeBase.occurrences(db, where: "incident.started_at >= ? AND incident.started_at < ?",
                                                   arguments: [start, end])
        guard !inSpan.isEmpty else { return [] }
        let lookBehindStart = start - firstLookBehind
        let earlier = try Int.fetchOne(db, sql: "SELECT count(*) FROM incident WHERE started_at < ?",
                                       arguments: [lookBehindStart]) ?? 0
        let (older, window, actions): ([FactorOccurrence], [FactorOccurrence], [(incidentID: String, action: RemediationAction)])
        if earlier <= wholeReadLimit {
            // Little history before the look-behind (a period near the start, or all of it): the
            // window is everything before the span, which meets every key trivially, where asking
            // key by key would scan each cause's factors over the whole history and find nothing
            // (20 s for 'followup' over 100 000 incidents). Nothing lies before such a window.
            older = []
            window = try KnowledgeBase.occurrences(db, where: "incident.started_at < ?", arguments: [start])
            actions = try ActionReader.addressing(db, where: "incident.started_at < ?", arguments: [end])
        } else {
            (older, window, actions) = try narrowRead(db, inSpan: inSpan, start: lookBehindStart, spanStart: start, spanEnd: end)
        }
        return IneffectiveActionRule.findings(actions: actions, occurrences: older + window + inSpan)
            .filter { span.contains($0.repeatLink.later.incidentStartedAt) }
    }

    /// The findings of ``IneffectiveActionRule`` whose repeat began in `span`, judged among
    /// `actions`, which hold every action of every incident that started before the span's end
    /// (more do no harm: the rule only looks up the actions of the factors read). Only the
    /// factors are read, for a caller that has read those actions whole already and would
    /// otherwise have them read a second time here.
    static func findings(_ db: Database, repeatsIn span: InstantSpan, among actions: [TrackedAction]) throws -> [IneffectiveAction] {
        // Every factor before the span's end: the whole read of `findings(_:repeatsIn:wholeReadLimit:)`.
        let occurrences = try KnowledgeBase.occurrences(db, where: "incident.started_at < ?", arguments: [span.end.databaseValue])
        // In start order: when the last did not start in the span, no factor did, and nothing repeats in it.
        guard let last = occurrences.last, span.contains(last.incidentStartedAt) else { return [] }
        return IneffectiveActionRule.findings(actions: actions, occurrences: occurrences)
            .filter { span.contains($0.repeatLink.later.incidentStartedAt) }
    }

    /// The factors and actions the rule needs when much history lies before the span: the window
    /// from `start`, moved earlier for each key of the span it does not meet, and the factors
    /// before it that have an action completed since.
    private static func narrowRead(_ db: Database, inSpan: [FactorOccurrence], start: Int64, spanStart: Int64, spanEnd: Int64)
        throws -> (older: [FactorOccurrence], window: [FactorOccurrence], actions: [(incidentID: String, action: RemediationAction)]) {
        var windowStart = start
        var window = try KnowledgeBase.occurrences(db, where: "incident.started_at >= ? AND incident.started_at < ?",
                                                   arguments: [windowStart, spanStart])
        let met = keys(window)
        var reach: Int64?
        for key in keys(inSpan).subtracting(met) {
            if let latest = try latestStart(db, meeting: key, before: windowStart) { reach = min(reach ?? latest, latest) }
        }
        if let reach {
            window = try KnowledgeBase.occurrences(db, where: "incident.started_at >= ? AND incident.started_at < ?",
                                                   arguments: [reach, windowStart]) + window
            windowStart = reach
        }
        // `+action.status` keeps SQLite off the status index: without statistics it takes an
        // equality as the narrower test, and would read every action ever done (most of a long
        // history) where the completion index gives only those completed since the window start.
        let completedSinceWindow = """
            SELECT action_factor.factor_pk FROM action JOIN action_factor ON action_factor.action_pk = action.pk
            WHERE +action.status = 'done' AND action.completed_at >= ?
            """
        let older = try KnowledgeBase.occurrences(
            db, where: "incident.started_at < ? AND factor.pk IN (\(completedSinceWindow))", arguments: [windowStart, windowStart])
        let actions = try ActionReader.addressing(db, where: """
            action.pk IN (
                SELECT action.pk FROM action JOIN incident ON incident.pk = action.incident_pk
                WHERE incident.started_at >= ? AND incident.started_at < ?
                UNION
                SELECT action_factor.action_pk FROM action_factor WHERE action_factor.factor_pk IN (\(completedSinceWindow)))
            """, arguments: [windowStart, spanEnd, windowStart])
        return (older, window, actions)
    }

    /// Each (service, path) that a factor among `occurrences` can repeat: its services with its
    /// cause path and every path above it.
    private static func keys(_ occurrences: [FactorOccurrence]) -> Set<Key> {
        var keys = Set<Key>()
        for occurrence in occurrences {
            let paths = RepeatIndex.pathAndAncestors(occurrence.cause)
            for service in occurrence.services {
                for path in paths { keys.insert(Key(service: service, cause: path)) }
            }
        }
        return keys
    }

    /// The latest start, before `instant`, of an incident on `key`'s service with a factor at or
    /// below `key`'s path; nil when there is none.
    private static func latestStart(_ db: Database, meeting key: Key, before instant: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT max(incident.started_at) FROM factor JOIN incident ON incident.pk = factor.incident_pk
            WHERE (factor.cause = ? OR (factor.cause > ? AND factor.cause < ?)) AND incident.started_at < ?
              AND EXISTS (SELECT 1 FROM impact WHERE impact.incident_pk = incident.pk AND impact.service_id = ?)
            """, arguments: [key.cause, key.cause + "/", key.cause + "0", instant, key.service])
    }
}
