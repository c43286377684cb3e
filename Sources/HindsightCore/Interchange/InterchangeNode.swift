/// One value of an interchange document as parsed, with the place it was written: what the
/// record decoders read, whichever parser produced it (Yams for YAML, ``JSONRecordParser`` for the
/// records of a JSON file, or the command line).
enum InterchangeNode {
    /// Text, a number, a boolean or null, as written.
    case scalar(Scalar)
    /// Keys and values in the order written.
    case mapping([(key: InterchangeNode, value: InterchangeNode)], TextPosition?)
    /// Items in the order written.
    case sequence([InterchangeNode], TextPosition?)
    /// A YAML alias left unresolved.
    case alias(TextPosition?)

    /// A scalar's text and whether it was quoted.
    struct Scalar {
        /// The text, with escapes resolved.
        var string: String
        /// True when written unquoted: numbers, booleans and null must be.
        var isPlain: Bool
        /// Where the scalar starts (its opening quote, when quoted); nil when not read from a file.
        var position: TextPosition?
    }

    /// Where the node starts in the text that was parsed; nil when not read from a file.
    var position: TextPosition? {
        switch self {
        case .scalar(let scalar): return scalar.position
        case .mapping(_, let position), .sequence(_, let position), .alias(let position): return position
        }
    }

    /// True for a plain `null`, `~` or empty scalar: an absent value.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A word for the node's kind, for messages such as "expected text, found a list".
    var kindDescription: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
