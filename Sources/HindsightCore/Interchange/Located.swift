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
    /// The record's place in its document, e.g. `slas[2]`, as the decoder's messages name it; nil
    /// for a record that was not read from a file (one given on the command line).
    public var path: String?

    /// Wraps a record.
    public init(_ value: Value, at location: SourceLocation, path: String? = nil,
                fieldLocations: [String: SourceLocation] = [:]) {
        self.value = value
        self.location = location
        self.path = path
        self.fieldLocations = fieldLocations
    }

    /// Where the field at `path` was written, or where the record starts when unknown.
    public func location(of path: String) -> SourceLocation { fieldLocations[path] ?? location }

    /// The start of a message about the record, or about its `field` (a path relative to it),
    /// naming it as the decoder's messages do: `slas[2].service: `; empty without a ``path``.
    public func naming(_ field: String? = nil) -> String {
        guard let path else { return "" }
        return (field.map { "\(path).\($0)" } ?? path) + ": "
    }
}
