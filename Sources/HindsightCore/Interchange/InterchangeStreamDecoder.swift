import Yams

/// Decodes an interchange file one top-level record at a time, so that memory stays bounded by the
/// largest record rather than the file.
///
/// The records and problems are exactly those of ``InterchangeDecoder/decode(_:file:)`` on the
/// whole file, with the same `file:line:column` positions: the file is cut into its records by
/// ``TopLevelRecordScanner`` and each record is parsed on its own, by ``JSONRecordParser`` or by
/// Yams padded so that it sees the record at its place in the file. A file the scanner does not
/// cut, or a record that does not parse on its own, is parsed whole instead (records already
/// handed out are not handed out again). Problems come in file order from both, and both hand out
/// the records that are valid on their own even when others are refused. One difference:
/// records come in file order, where the whole-file decoder goes section by section (services,
/// SLAs, maintenance, incidents), which differs only for a file that writes its sections in
/// another order.
public enum InterchangeStreamDecoder {
    /// Reads a file from its start: each call returns the next chunk of bytes, nil at the end.
    public typealias ChunkReader = () throws -> [UInt8]?

    /// Decodes the file named `file`, calling `each` with every valid record in file order.
    /// - Parameter open: starts reading the file from its beginning; called a second time only when
    ///   the file must be parsed whole.
    /// - Returns: every problem found in the file, empty when it is valid. When there are problems,
    ///   `each` may have seen some of the file's records; the caller must not keep them.
    /// - Throws: what `open`, the reader or `each` throw.
    public static func decode(file: String, open: () throws -> ChunkReader,
                              each: (InterchangeRecord) throws -> Void) throws -> [InterchangeProblem] {
        try decodeFindings(file: file, open: open, each: each).problems
    }

    /// Decodes the file named `file` as ``decode(file:open:each:)`` does, and tells besides its
    /// problems what its refused records would have defined.
    /// - Returns: the file's findings, with no problems when it is valid.
    /// - Throws: what `open`, the reader or `each` throw.
    public static func decodeFindings(file: String, open: () throws -> ChunkReader,
                                      each: (InterchangeRecord) throws -> Void) throws -> DecodingFindings {
        var findings = DecodingFindings()
        findings.files = [file]
        let context = DecodingContext(file: file)
        // How many items of each section were read, for a whole parse not to hand them out again.
        var handedOut: [InterchangeSection: Int] = [:]
        do {
            try TopLevelRecordScanner(stream: ByteStream(read: try open())).scan { piece in
                switch piece {
                case .header(let snippet, let closingText):
                    let root = try parse(snippet, context: context, closingText: closingText, asListItem: false)
                    _ = InterchangeDecoder.decodeHeader(root, context: context)
                case .skipped(let snippet):
                    try checkEncoding(snippet, file: file)
                case .record(let section, let index, let snippet, let asListItem):
                    let node = try parse(snippet, context: context, closingText: "", asListItem: asListItem)
                    let record = InterchangeDecoder.decodeRecord(node, in: section, index: index, context: context)
                    handedOut[section] = index + 1
                    if let record { try each(record) }
                }
            }
        } catch let stop as StoppingProblem {
            // The rest of the file is not read.
            findings.problems = [stop.problem]
            findings.mayDefineUnreadServices = true
            return findings
        } catch is UnsplittableDocument {
            return try decodeWhole(file: file, open: open, skipping: handedOut, each: each)
        }
        findings.problems = context.problemsInFileOrder
        findings.refusedServices = context.refusedServices
        findings.refusedIncidents = context.refusedIncidents
        findings.mayDefineUnreadServices = context.mayDefineUnreadServices
        return findings
    }

    /// A problem that stops a file: the whole-file decoder reports only the first bad byte, or the
    /// alias that stands for too much, and nothing else of the file.
    private struct StoppingProblem: Error {
        let problem: InterchangeProblem
    }

    private static func checkEncoding(_ snippet: SourceSnippet, file: String) throws {
        if let problem = TextEncodingCheck.firstProblem(in: snippet.bytes, file: file,
                                                        start: (snippet.line, snippet.column, snippet.offset),
                                                        document: true) {
            throw StoppingProblem(problem: problem)
        }
    }

    /// Parses one snippet, placed as in the file: the context shifts lines by the lines before it.
    ///
    /// A JSON record is read by ``JSONRecordParser``; anything it does not read (YAML, or JSON with
    /// something out of the ordinary) goes to Yams, its first line padded to its column.
    private static func parse(_ snippet: SourceSnippet, context: DecodingContext, closingText: String,
                              asListItem: Bool) throws -> InterchangeNode {
        try checkEncoding(snippet, file: context.file)
        context.lineOffset = snippet.line - 1
        if closingText.isEmpty && !asListItem,
           let node = JSONRecordParser.parse(snippet.bytes, startColumn: snippet.column) {
            return node
        }
        let text = String(repeating: " ", count: snippet.column - 1)
            + String(decoding: snippet.bytes, as: UTF8.self) + closingText
        if let problem = AliasExpansionCheck.firstProblem(in: text, left: &context.aliasValuesLeft) {
            throw StoppingProblem(problem: InterchangeProblem(context.location(at: problem.position), problem.message))
        }
        do {
            let parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            guard let root = try parser.nextRoot(), try parser.nextRoot() == nil else { throw UnsplittableDocument() }
            let exactValues = ByteOrderMarkScalars.values(in: text)
            guard asListItem else { return InterchangeNode(root, exactValues: exactValues) }
            guard case .sequence(let items) = root, items.count == 1, let item = items.first else {
                throw UnsplittableDocument()
            }
            return InterchangeNode(item, exactValues: exactValues)
        } catch is YamlError {
            throw UnsplittableDocument()
        }
    }

    /// Parses the file whole and hands out its valid records, even when others are refused, but
    /// for the items already read (`handedOut` per section), whose valid records were handed out.
    private static func decodeWhole(file: String, open: () throws -> ChunkReader,
                                    skipping handedOut: [InterchangeSection: Int],
                                    each: (InterchangeRecord) throws -> Void) throws -> DecodingFindings {
        let read = try open()
        var bytes: [UInt8] = []
        while let chunk = try read() { bytes += chunk }
        let (document, findings) = try InterchangeDecoder.decodeFindings(bytes, file: file, skipping: handedOut)
        for record in document.records { try each(record) }
        return findings
    }
}
