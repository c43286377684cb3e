import Yams

/// Writes a ``StructuredValue`` as block-style YAML that reads back to the same values: text that a
/// YAML reader would take for a number, boolean, null or date is quoted, and multi-line text is
/// written as a literal block.
public enum YAMLWriter {
    /// The YAML text.
    /// - Throws: when the YAML emitter refuses the tree (it does not for valid UTF-8 text).
    public static func string(_ value: StructuredValue) throws -> String {
        try Yams.serialize(node: node(value), indent: 2, width: -1, allowUnicode: true)
    }

    private static func node(_ value: StructuredValue) -> Node {
        switch value {
        case .mapping(let entries):
            return .mapping(Node.Mapping(entries.map { (Node($0.key), node($0.value)) }, .implicit, .block))
        case .sequence(let items):
            return .sequence(Node.Sequence(items.map(node), .implicit, .block))
        case .text(let text):
            return .scalar(Node.Scalar(text, .init(.str), style(for: text)))
        case .integer(let number):
            return .scalar(Node.Scalar(String(number), .init(.int), .plain))
        case .number(let number):
            return .scalar(Node.Scalar(JSONWriter.formatNumber(number), .init(.float), .plain))
        case .bool(let flag):
            return .scalar(Node.Scalar(flag ? "true" : "false", .init(.bool), .plain))
        case .null:
            return .scalar(Node.Scalar("null", .init(.null), .plain))
        }
    }

    private static func style(for text: String) -> Node.Scalar.Style {
        if text.contains("\r") { return .doubleQuoted }
        if text.contains("\n") { return .literal }
        let resolved = Resolver.default.resolveTag(of: Node(text))
        return resolved == .str ? .any : .doubleQuoted
    }
}
