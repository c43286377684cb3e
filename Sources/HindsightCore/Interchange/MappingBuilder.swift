/// Builds a mapping from optional values, leaving out the absent ones.
public struct MappingBuilder {
    /// The entries so far.
    public private(set) var entries: [StructuredValue.Entry] = []

    /// An empty builder.
    public init() {}

    /// Adds `key` when `value` is present.
    public mutating func add(_ key: String, _ value: StructuredValue?) {
        if let value { entries.append(.init(key, value)) }
    }

    /// Adds `key` as text when present.
    public mutating func add(_ key: String, text: String?) { add(key, text.map(StructuredValue.text)) }

    /// Adds a list under `key` when it is not empty.
    public mutating func add(_ key: String, list: [StructuredValue]) {
        if !list.isEmpty { entries.append(.init(key, .sequence(list))) }
    }

    /// The mapping.
    public var value: StructuredValue { .mapping(entries) }
}
