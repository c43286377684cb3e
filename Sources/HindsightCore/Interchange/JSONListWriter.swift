/// Writes a JSON list one item at a time, in the bytes ``JSONWriter/string(_:)`` gives for the
/// whole `.sequence`, without knowing in advance how many items there are: a listing of a whole
/// history can then be written as it is made, never held as one tree or one text.
public struct JSONListWriter {
    private var isEmpty = true

    /// A list with no item written yet.
    public init() {}

    /// Writes `item` as the list's next element.
    public mutating func add<Output: TextOutputStream>(_ item: StructuredValue, to output: inout Output) {
        // The separator goes before an item, not after it, since which item is the last is not known.
        output.write((isEmpty ? "[\n  " : ",\n  ") + JSONWriter.fragment(item, depth: 1))
        isEmpty = false
    }

    /// Closes the list: `[]` when no item was written.
    public func finish<Output: TextOutputStream>(to output: inout Output) {
        output.write(isEmpty ? "[]\n" : "\n]\n")
    }
}
