/// An ordered tree of values, the common shape behind interchange export and JSON output:
/// mappings keep their key order so that output is deterministic and reads in a sensible order.
public indirect enum StructuredValue: Hashable, Sendable {
    /// An ordered mapping.
    case mapping([Entry])
    /// A list.
    case sequence([StructuredValue])
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A number that may have a fraction.
    case number(Double)
    /// A boolean.
    case bool(Bool)
    /// No value (JSON `null`).
    case null

    /// One key and its value in a mapping.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: String
        /// The value.
        public var value: StructuredValue

        /// Creates an entry.
        public init(_ key: String, _ value: StructuredValue) {
            self.key = key
            self.value = value
        }
    }

    /// The first path at which two trees differ, e.g. `impacts[0].fraction`, or nil when equal.
    public func firstDifference(from other: StructuredValue, path: String = "") -> String? {
        switch (self, other) {
        case (.mapping(let left), .mapping(let right)):
            let keys = left.map(\.key) + right.map(\.key).filter { key in !left.contains { $0.key == key } }
            for key in keys {
                let leftValue = left.first { $0.key == key }?.value ?? .null
                let rightValue = right.first { $0.key == key }?.value ?? .null
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if let difference = leftValue.firstDifference(from: rightValue, path: childPath) { return difference }
            }
            return nil
        case (.sequence(let left), .sequence(let right)):
            for index in 0..<max(left.count, right.count) {
                let childPath = "\(path)[\(index)]"
                guard index < left.count, index < right.count else { return childPath }
                if let difference = left[index].firstDifference(from: right[index], path: childPath) { return difference }
            }
            return nil
        default:
            return self == other ? nil : (path.isEmpty ? "(the whole record)" : path)
        }
    }
}
