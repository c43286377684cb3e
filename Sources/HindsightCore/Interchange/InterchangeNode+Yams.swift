import Yams

extension InterchangeNode {
    /// The node Yams parsed, with Yams's positions.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any,
                                  position: TextPosition(scalar.mark)))
        case .mapping(let mapping):
            self = .mapping(mapping.map { (key: InterchangeNode($0.key), value: InterchangeNode($0.value)) },
                            TextPosition(mapping.mark))
        case .sequence(let sequence):
            self = .sequence(sequence.map(InterchangeNode.init), TextPosition(sequence.mark))
        case .alias(let alias):
            self = .alias(TextPosition(alias.mark))
        }
    }
}

extension TextPosition {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}
