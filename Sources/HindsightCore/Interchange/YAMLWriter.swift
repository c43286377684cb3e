import CYaml
import Yams

/// Writes a ``StructuredValue`` as block-style YAML that reads back to the same values: text that a
/// YAML reader would take for a number, boolean, null or date is quoted, and multi-line text is
/// written as a literal block.
public enum YAMLWriter {
    /// The YAML text.
    /// - Throws: when the YAML emitter refuses the tree (it does not for valid UTF-8 text).
    public static func string(_ value: StructuredValue) throws -> String {
        let emitter = try YAMLEventEmitter()
        try emitter.startDocument()
        try write(value, to: emitter)
        try emitter.endDocument()
        return emitter.takeText()
    }

    /// Feeds `emitter` the events of `value`.
    static func write(_ value: StructuredValue, to emitter: YAMLEventEmitter) throws {
        switch value {
        case .mapping(let entries):
            try emitter.startMapping()
            for entry in entries {
                // Keys are the format's own words, never mistaken for another kind of value.
                try emitter.scalar(entry.key, style: YAML_ANY_SCALAR_STYLE)
                try write(entry.value, to: emitter)
            }
            try emitter.endMapping()
        case .sequence(let items):
            try emitter.startList()
            for item in items { try write(item, to: emitter) }
            try emitter.endList()
        case .text(let text): try emitter.scalar(text, style: style(for: text))
        case .integer(let number): try emitter.scalar(String(number), style: YAML_PLAIN_SCALAR_STYLE)
        case .number(let number): try emitter.scalar(JSONWriter.formatNumber(number), style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let flag): try emitter.scalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .null: try emitter.scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        }
    }

    private static func style(for text: String) -> yaml_scalar_style_t {
        if text.utf8.contains(UInt8(ascii: "\r")) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        if text.utf8.contains(UInt8(ascii: "\n")) { return YAML_LITERAL_SCALAR_STYLE }
        guard mayReadAsOtherThanText(text) else { return YAML_ANY_SCALAR_STYLE }
        let resolved = Resolver.default.resolveTag(of: Node(text))
        return resolved == .str ? YAML_ANY_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
    }

    /// Whether a YAML reader might take `text`, unquoted, for something other than text: false
    /// only when it cannot, so that most texts skip the resolver's regular expressions, which
    /// were most of the time of writing a long document.
    ///
    /// Every rule of the resolver (null, bool, int, float, timestamp, merge, value) is anchored at
    /// both ends, begins with one of a few characters and is made of a few more; the empty text is
    /// null, and `$` also matches before a final line terminator, so line terminators count as
    /// both.
    static func mayReadAsOtherThanText(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        return resolvableFirst.contains(first) && text.unicodeScalars.allSatisfy(resolvableAnywhere.contains)
    }

    private static let lineTerminators: Set<Unicode.Scalar> = ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The characters a rule's match can start with.
    private static let resolvableFirst = Set("yYnNtTfFoO+-.0123456789<~=".unicodeScalars).union(lineTerminators)

    /// The characters a rule's match can hold: those of the words (yes, no, on, off, true, false,
    /// null, inf, nan in their cases), of numbers in any base with `_` and `:`, and of timestamps.
    private static let resolvableAnywhere = Set("0123456789-+._:~<= \tabcdefilnorstuxyABCDEFILNORSTUYZ".unicodeScalars)
        .union(lineTerminators)
}
