import Yams

/// Collects problems while one file is decoded, so that a single run reports all of them.
final class DecodingContext {
    let file: String
    private(set) var problems: [InterchangeProblem] = []
    /// Lines of the file before the text being parsed, when a record is parsed on its own.
    var lineOffset = 0

    init(file: String) { self.file = file }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func report(_ location: SourceLocation, _ message: String) {
        problems.append(InterchangeProblem(location, message))
    }

    func report(_ node: Node?, _ message: String) {
        report(location(of: node), message)
    }
}

extension Node {
    /// True for a plain `null`, `~` or empty scalar: an absent value.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
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
