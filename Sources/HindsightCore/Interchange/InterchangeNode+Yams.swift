import Yams

extension InterchangeNode {
    /// The node Yams parsed, with Yams's positions. `exactValues` holds, by position, the values of
    /// the scalars Yams reads otherwise than written (``ByteOrderMarkScalars``).
    init(_ node: Node, exactValues: [TextPosition: String] = [:]) {
        switch node {
        case .scalar(let scalar):
            let position = TextPosition(scalar.mark)
            self = .scalar(Scalar(string: position.flatMap { exactValues[$0] } ?? scalar.string,
                                  isPlain: scalar.style == .plain || scalar.style == .any, position: position))
        case .mapping(let mapping):
            self = .mapping(mapping.map { (key: InterchangeNode($0.key, exactValues: exactValues),
                                           value: InterchangeNode($0.value, exactValues: exactValues)) },
                            TextPosition(mapping.mark))
        case .sequence(let sequence):
            self = .sequence(sequence.map { InterchangeNode($0, exactValues: exactValues) }, TextPosition(sequence.mark))
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
