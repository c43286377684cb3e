/// The search index refused a query as malformed. Queries are quoted term by term before they
/// reach the index, so this is not expected; it is its own error so that a caller can say so
/// without showing the index's message, which speaks of SQL the user never wrote.
public struct SearchQueryRefused: Error, Equatable {
    /// Creates the error.
    public init() {}
}
