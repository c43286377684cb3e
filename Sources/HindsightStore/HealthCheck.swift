/// The outcome of one of `hindsight doctor`'s checks on a knowledge base.
public struct HealthCheck: Equatable, Sendable {
    /// Which check: `integrity`, `foreign keys`, `schema`, `search index` or `wal`.
    public var name: String
    /// False when the check found a problem (after any repair it made).
    public var passed: Bool
    /// What was found, in words: a figure when all is well, the first problems otherwise.
    public var detail: String

    /// A check's outcome.
    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}
