/// A decoded record together with where it was written, so that problems found later (a
/// reference that does not resolve, a conflict with the database) can still be located.
public struct Located<Value> {
    /// The record.
    public var value: Value
    /// Where the record starts.
    public var location: SourceLocation
    /// Where some of its fields are, keyed by their path relative to the record, e.g.
    /// `service` or `impacts[0].service`.
    public var fieldLocations: [String: SourceLocation]

    /// Wraps a record.
    public init(_ value: Value, at location: SourceLocation, fieldLocations: [String: SourceLocation] = [:]) {
        self.value = value
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// Where the field at `path` was written, or where the record starts when unknown.
    public func location(of path: String) -> SourceLocation { fieldLocations[path] ?? location }
}
