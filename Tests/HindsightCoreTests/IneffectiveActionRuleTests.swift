import Testing
@testable import HindsightCore

/// The rule for actions that did not prevent a repeat, on both sides of each of its boundaries.
struct IneffectiveActionRuleTests {
    func instant(_ text: String) throws -> Instant { try Instant(parsing: text) }

    /// `first/keys` (cache/key on api, 10 January) is repeated by `second/ttl` (cache/key/ttl on
    /// api, 1 March 10:00) and by `third/cache-key` (cache/key on api, 1 May); `elsewhere/keys`
    /// has the same cause on web only, so it repeats nothing of `first`.
    func occurrences() throws -> [FactorOccurrence] {
        [FactorOccurrence(incidentID: "first", factorID: "keys", cause: "cache/key",
                          incidentStartedAt: try instant("2024-01-10T10:00:00Z"), services: ["api"]),
         FactorOccurrence(incidentID: "second", factorID: "ttl", cause: "cache/key/ttl",
                          incidentStartedAt: try instant("2024-03-01T10:00:00Z"), services: ["api"]),
         FactorOccurrence(incidentID: "elsewhere", factorID: "keys", cause: "cache/key",
                          incidentStartedAt: try instant("2024-04-01T10:00:00Z"), services: ["web"]),
         FactorOccurrence(incidentID: "third", factorID: "cache-key", cause: "cache/key",
                          incidentStartedAt: try instant("2024-05-01T10:00:00Z"), services: ["api"])]
    }

    func action(_ id: String, status: ActionStatus, completedAt: String?, addresses: [String] = ["keys"],
                incident: String = "first") throws -> TrackedAction {
        TrackedAction(incidentID: incident,
                      action: RemediationAction(id: id, title: id, kind: .prevent, addresses: addresses, status: status,
                                                completedAt: try completedAt.map(instant)),
                      incidentStartedAt: try instant("2024-01-10T10:00:00Z"), incidentResolvedAt: nil,
                      createdAt: try instant("2024-01-10T10:00:00Z"), teams: [])
    }

    func flagged(_ actions: [TrackedAction]) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: IneffectiveActionRule.findings(actions: actions, occurrences: try occurrences())
            .map { ($0.actionGlobalID, $0.repeatName) })
    }

    @Test func allDoneBeforeTheRepeatFlagsEveryActionAndNamesTheRepeat() throws {
        let findings = try flagged([try action("a1", status: .done, completedAt: "2024-02-01T00:00:00Z"),
                                    try action("a2", status: .done, completedAt: "2024-02-20T00:00:00Z")])
        #expect(findings == ["first/a1": "second/ttl", "first/a2": "second/ttl"])
    }

    @Test func theRepeatMustBeginStrictlyAfterTheLastCompletion() throws {
        // The last action was done the very millisecond second/ttl began: the next repeat after it is third.
        let atTheStart = try flagged([try action("a1", status: .done, completedAt: "2024-02-01T00:00:00Z"),
                                      try action("a2", status: .done, completedAt: "2024-03-01T10:00:00Z")])
        #expect(atTheStart == ["first/a1": "third/cache-key", "first/a2": "third/cache-key"])
        // A millisecond earlier, second/ttl counts.
        let justBefore = try flagged([try action("a2", status: .done, completedAt: "2024-03-01T09:59:59.999Z")])
        #expect(justBefore == ["first/a2": "second/ttl"])
        // Done after every repeat: nothing to hold against it.
        #expect(try flagged([try action("a1", status: .done, completedAt: "2024-05-01T10:00:00Z")]).isEmpty)
    }

    @Test func theRuleCannotSayWhileAnyActionOfTheFactorIsNotDoneWithATime() throws {
        let done = try action("a1", status: .done, completedAt: "2024-02-01T00:00:00Z")
        for other in [try action("a2", status: .wontDo, completedAt: "2024-02-01T00:00:00Z"),
                      try action("a2", status: .done, completedAt: nil),
                      try action("a2", status: .open, completedAt: nil),
                      try action("a2", status: .inProgress, completedAt: nil)] {
            #expect(try flagged([done, other]).isEmpty, "with \(other.action.status) \(String(describing: other.action.completedAt))")
        }
    }

    @Test func onlyAddressedFactorsOnSharedServicesCount() throws {
        // An action of `elsewhere` (web): cache/key on web is never repeated on web later.
        #expect(try flagged([try action("w", status: .done, completedAt: "2024-04-02T00:00:00Z", incident: "elsewhere")]).isEmpty)
        // An action that addresses no factor is never judged.
        #expect(try flagged([try action("none", status: .done, completedAt: "2024-02-01T00:00:00Z", addresses: [])]).isEmpty)
        // The repeat's own actions are judged against later repeats only: second/ttl (cache/key/ttl)
        // is not repeated by third's cache/key, which lies above it.
        #expect(try flagged([try action("s", status: .done, completedAt: "2024-03-02T00:00:00Z", addresses: ["ttl"],
                                        incident: "second")]).isEmpty)
    }
}

/// ``RepeatIndex/firstRepeat(of:after:)`` finds what the full list of repeats starts with.
struct FirstRepeatTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func agreesWithTheFullListOfRepeats(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let causes = ["cache", "cache/key", "cache/key/ttl", "deploy", "deploy/config"]
        let services = ["api", "web", "db"]
        // 120 factors on 60 incidents, several starting at the same instant, given out of order.
        let occurrences = (0..<120).map { index in
            FactorOccurrence(incidentID: "i\(index / 2)", factorID: "f\(index % 2)",
                             cause: causes[Int.random(in: 0..<causes.count, using: &random)],
                             incidentStartedAt: Instant(millisecondsSinceEpoch: Int64(index / 2 % 17) * 3_600_000
                                                        + Int64(index / 34) * 60_000),
                             services: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                                 services[Int.random(in: 0..<services.count, using: &random)] })
        }.shuffled(using: &random)
        let index = RepeatIndex(occurrences)
        for occurrence in occurrences {
            let all = index.repeats(of: occurrence)
            for hours in [-1, 0, 3, 8, 16, 20] {
                let after = Instant(millisecondsSinceEpoch: Int64(hours) * 3_600_000)
                #expect(index.firstRepeat(of: occurrence, after: after) == all.first { $0.later.incidentStartedAt > after })
            }
        }
    }
}
