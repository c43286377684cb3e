/// Finds the actions that did not prevent a repeat.
///
/// The rule: take a factor F of an earlier incident that at least one action addresses. If every
/// action addressing F is `done` with a completion time, and some repeat of F (by
/// ``RepeatIndex``: a later incident on a shared service with F's cause path or one below it)
/// began strictly after the latest of those completion times, each of those actions is flagged,
/// naming the first such repeat.
///
/// When any action addressing F is still open, `wont-do`, or done without a completion time, the
/// rule cannot say whether the work was finished before the repeat, so F's actions are not
/// judged. A repeat that began before or at the moment of the last completion is not held
/// against the actions.
public enum IneffectiveActionRule {
    /// The findings, one per action and factor, ordered by the repeat's start, then action id.
    /// - Parameters:
    ///   - actions: the actions to judge, with their addresses.
    ///   - occurrences: the factor occurrences the repeats are looked up in (normally every factor).
    public static func findings(actions: [TrackedAction], occurrences: [FactorOccurrence]) -> [IneffectiveAction] {
        // Lazily: a copy of every action of a long history only to be looked through once would
        // be tens of megabytes.
        findings(actions: actions.lazy.map { (incidentID: $0.incidentID, action: $0.action) }, occurrences: occurrences)
    }

    /// The findings for actions given with their incidents' ids only (any sequence of them): all the rule needs.
    public static func findings<Actions: Sequence>(actions: Actions, occurrences: [FactorOccurrence]) -> [IneffectiveAction]
    where Actions.Element == (incidentID: String, action: RemediationAction) {
        let index = RepeatIndex(occurrences)
        // Only what the rule reads of each action: whose it is and, when done, its completion
        // time (nil when not done, or done without one). A copy of the whole action and its global
        // id per factor it addresses was a tenth of `followup`'s memory over 100 000 incidents;
        // the ids are made for the findings only.
        var actionsByFactor: [FactorKey: [(reference: ActionReference, completedAt: Instant?)]] = [:]
        for (incidentID, action) in actions {
            let completedAt = action.status == .done ? action.completedAt : nil
            for factorID in action.addresses {
                actionsByFactor[FactorKey(incidentID: incidentID, factorID: factorID), default: []]
                    .append((ActionReference(incidentID: incidentID, actionID: action.id), completedAt))
            }
        }
        var findings: [IneffectiveAction] = []
        for occurrence in occurrences {
            guard let addressing = actionsByFactor[FactorKey(incidentID: occurrence.incidentID, factorID: occurrence.factorID)]
            else { continue }
            let completions = addressing.map(\.completedAt)
            guard !completions.contains(nil) else { continue }
            let lastCompletedAt = completions.compactMap { $0 }.max()
            guard let lastCompletedAt, let repeatLink = index.firstRepeat(of: occurrence, after: lastCompletedAt) else { continue }
            for (reference, _) in addressing {
                findings.append(IneffectiveAction(actionGlobalID: reference.description, factor: occurrence,
                                                  lastCompletedAt: lastCompletedAt, repeatLink: repeatLink))
            }
        }
        return findings.sorted {
            ($0.repeatLink.later.incidentStartedAt, $0.actionGlobalID, $0.factor.factorID)
                < ($1.repeatLink.later.incidentStartedAt, $1.actionGlobalID, $1.factor.factorID)
        }
    }

    private struct FactorKey: Hashable {
        let incidentID: String
        let factorID: String
    }
}
