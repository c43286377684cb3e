/// Collects problems while one file is decoded, so that a single run reports all of them.
final class DecodingContext {
    let file: String
    private(set) var problems: [InterchangeProblem] = []
    /// Lines of the file before the text being parsed, when a record is parsed on its own.
    var lineOffset = 0
    /// What is left of the values the file's aliases may stand for (``AliasExpansionCheck``),
    /// shared by the records of a file that are parsed one by one.
    var aliasValuesLeft = AliasExpansionCheck.limit
    /// Whether the values were typed as command-line options rather than read from a file, so
    /// that messages speak of what an option takes, not of the interchange format.
    var isCommandLine = false
    /// The services refused, for ``DecodingFindings/refusedServices``.
    var refusedServices: [String: SourceLocation] = [:]
    /// The incidents refused, for ``DecodingFindings/refusedIncidents``.
    var refusedIncidents: [String: SourceLocation] = [:]
    /// Whether the input may define services that are neither decoded nor noted in
    /// ``refusedServices`` (``DecodingFindings/mayDefineUnreadServices``): a service refused
    /// without a valid id, or a part of a document not read as records.
    var mayDefineUnreadServices = false

    init(file: String) { self.file = file }

    func location(of node: InterchangeNode?) -> SourceLocation {
        location(at: node?.position ?? TextPosition(line: 1, column: 1))
    }

    /// Where `position`, in the text being parsed, is in the file.
    func location(at position: TextPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }

    func report(_ location: SourceLocation, _ message: String, excessAllowance: ExcessAllowance? = nil) {
        problems.append(InterchangeProblem(location, message, excessAllowance: excessAllowance))
    }

    func report(_ node: InterchangeNode?, _ message: String) {
        report(location(of: node), message)
    }

    /// The problems in file order, by line and then column; those at one place in the order found.
    ///
    /// The decoders find them in their own order (section by section for a file read whole, a
    /// mapping's unknown keys before its other fields), which is not the order of the file that a
    /// user works through.
    var problemsInFileOrder: [InterchangeProblem] {
        problems.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return left.offset < right.offset
        }.map(\.element)
    }
}
