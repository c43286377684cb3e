/// A closed set of lower-case words that the interchange format spells out, such as a status.
public protocol Keyword: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension Keyword {
    /// The accepted spellings, for error messages: `open | in-progress | done | wont-do`.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: " | ") }
}
