/// A run of an input file cut out on its own, with where it starts.
struct SourceSnippet {
    /// The bytes as written.
    var bytes: [UInt8]
    /// The line of the first byte, from 1.
    var line: Int
    /// The column of the first byte, from 1, in Unicode scalars.
    var column: Int
    /// The offset of the first byte in the file.
    var offset: Int
}

/// What the scanner cuts a document into.
enum ScannedPiece {
    /// The document from its start through the `version` value. In JSON, the closing brace is
    /// missing (`closingText` supplies it for parsing).
    case header(SourceSnippet, closingText: String)
    /// Lines between records with nothing to decode (blank lines, comments, a YAML section's
    /// `key:` line), whose bytes must still be valid text.
    case skipped(SourceSnippet)
    /// Item `index` of a top-level list. `asListItem` says whether the snippet is a YAML block
    /// item (`- ...`, which parses as a list of one) rather than the value itself.
    case record(InterchangeSection, index: Int, SourceSnippet, asListItem: Bool)
}

/// The document has a shape the scanner does not cut (flow-style YAML lists, several documents,
/// anchors in JSON, keys out of the usual order ...). It is then parsed whole.
struct UnsplittableDocument: Error {}

/// Cuts an interchange document into its top-level records without parsing them, so that a
/// file far larger than memory can be decoded one record at a time.
///
/// It recognises the two layouts programs and people write: JSON (`{"version": 1, "services":
/// [...], ...}`, the shape `export` and `generate` write) and block-style YAML (`version: 1`
/// then `incidents:` with `- ` items). Anything else throws ``UnsplittableDocument`` before a
/// piece of it is wrong, and the caller parses the file whole; a piece it does hand out that then
/// fails to parse on its own sends the caller to the whole-file parse too, so the scanner never
/// decides what a document means.
struct TopLevelRecordScanner {
    let stream: ByteStream

    /// Hands each piece to `each`, in file order.
    func scan(_ each: (ScannedPiece) throws -> Void) throws {
        try stream.skipByteOrderMark()
        stream.startCapture()
        try skipBlankSpace(allowComments: false)
        let leadingBlankSpace = stream.endCapture()
        if try stream.peek() == UInt8(ascii: "{") {
            try scanJSON(header: leadingBlankSpace, each)
        } else {
            // YAML is cut in whole lines; blank space that ends inside a line would shift them.
            guard leadingBlankSpace.last.map({ $0 == 0x0A }) ?? true else { throw UnsplittableDocument() }
            try scanYAML(header: leadingBlankSpace, each)
        }
    }

    // MARK: JSON

    private func scanJSON(header leadingBlankSpace: [UInt8], _ each: (ScannedPiece) throws -> Void) throws {
        stream.startCapture()
        stream.advance()  // {
        guard try readKeyAndColon() == "version" else { throw UnsplittableDocument() }
        try skipBlankSpace(allowComments: false)
        guard let first = try stream.peek(), first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else {
            throw UnsplittableDocument()
        }
        try skipJSONValue()
        // The header starts at the very beginning of the file (after a byte order mark), so its
        // positions are the file's.
        try each(.header(SourceSnippet(bytes: leadingBlankSpace + stream.endCapture(), line: 1, column: 1,
                                       offset: stream.textStart),
                         closingText: "}"))
        var seen: Set<InterchangeSection> = []
        while true {
            try skipBlankSpace(allowComments: false)
            guard let byte = try stream.peek() else { throw UnsplittableDocument() }
            if byte == UInt8(ascii: "}") {
                stream.advance()
                try skipBlankSpace(allowComments: false)
                guard try stream.peek() == nil else { throw UnsplittableDocument() }
                return
            }
            guard byte == UInt8(ascii: ",") else { throw UnsplittableDocument() }
            stream.advance()
            guard let section = InterchangeSection(rawValue: try readKeyAndColon()), seen.insert(section).inserted
            else { throw UnsplittableDocument() }
            try expect(UInt8(ascii: "["))
            try skipBlankSpace(allowComments: false)
            if try stream.peek() == UInt8(ascii: "]") {
                stream.advance()
                continue
            }
            var index = 0
            while true {
                try skipBlankSpace(allowComments: false)
                let start = (line: stream.line, column: stream.column, offset: stream.offset)
                stream.startCapture()
                try skipJSONValue()
                let snippet = SourceSnippet(bytes: stream.endCapture(), line: start.line, column: start.column,
                                            offset: start.offset)
                try each(.record(section, index: index, snippet, asListItem: false))
                index += 1
                try skipBlankSpace(allowComments: false)
                guard let next = try stream.peek() else { throw UnsplittableDocument() }
                stream.advance()
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw UnsplittableDocument() }
            }
        }
    }

    /// A double-quoted key without escapes, then its colon. YAML reads a key only when its colon
    /// follows on the same line and within 1024 characters of its start, so anything else is
    /// left to the whole parse (which reports it).
    private func readKeyAndColon() throws -> String {
        try skipBlankSpace(allowComments: false)
        guard try stream.peek() == UInt8(ascii: "\"") else { throw UnsplittableDocument() }
        let start = (line: stream.line, offset: stream.offset)
        stream.advance()
        var key: [UInt8] = []
        while true {
            guard let byte = try stream.peek() else { throw UnsplittableDocument() }
            stream.advance()
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\"), key.count < 32 else { throw UnsplittableDocument() }
            key.append(byte)
        }
        try expect(UInt8(ascii: ":"))
        guard stream.line == start.line, stream.offset - start.offset <= 1000 else { throw UnsplittableDocument() }
        return String(decoding: key, as: UTF8.self)
    }

    private func expect(_ wanted: UInt8) throws {
        try skipBlankSpace(allowComments: false)
        guard try stream.peek() == wanted else { throw UnsplittableDocument() }
        stream.advance()
    }

    /// Consumes one JSON value: a scalar, a string, or a bracketed value with everything inside.
    /// Only JSON's own characters are accepted outside strings, so that YAML flow syntax that
    /// could hide a bracket (single quotes, comments, anchors, tags) sends the file to a whole parse.
    ///
    /// A quote or an opening bracket may only begin the value. After a scalar's first byte it is
    /// no JSON, and the piece would mean something else cut out than in its place: in the file's
    /// list, `1{"a"}` is a syntax error, but parsed on its own it is one plain scalar.
    private func skipJSONValue() throws {
        var depth = 0
        let start = stream.offset
        while let byte = try stream.peek() {
            switch byte {
            case UInt8(ascii: "\""):
                guard depth > 0 || stream.offset == start else { throw UnsplittableDocument() }
                guard try stream.skipQuoted() else { throw UnsplittableDocument() }
                if depth == 0 { return }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth > 0 || stream.offset == start else { throw UnsplittableDocument() }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return }
                depth -= 1
                if depth == 0 { stream.advance(); return }
            case UInt8(ascii: ","):
                if depth == 0 { return }
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09:
                if depth == 0 { return }
            case UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                break
            default:
                throw UnsplittableDocument()
            }
            stream.advance()
        }
        if depth > 0 { throw UnsplittableDocument() }
    }

    /// Spaces, tabs and line breaks; with `allowComments`, also `#` comments to the end of line.
    private func skipBlankSpace(allowComments: Bool) throws {
        while let byte = try stream.peek() {
            switch byte {
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09: stream.advance()
            case UInt8(ascii: "#") where allowComments: try stream.skipLine()
            default: return
            }
        }
    }

    // MARK: YAML

    /// One line of a YAML file, as cut.
    private struct Line {
        var bytes: [UInt8]
        var number: Int
        var offset: Int

        /// Leading spaces; nil when the line is blank or a comment.
        var indent: Int? {
            var count = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: " "): count += 1
                case 0x0A, 0x0D, UInt8(ascii: "#"): return nil
                default: return count
                }
            }
            return nil
        }

        /// Whether the line, after `indent` spaces, starts a block list item (`-` then a space or the end).
        func startsItem(at indent: Int) -> Bool {
            guard bytes.count > indent, bytes[indent] == UInt8(ascii: "-") else { return false }
            guard bytes.count > indent + 1 else { return true }
            return [UInt8(ascii: " "), 0x0A, 0x0D].contains(bytes[indent + 1])
        }

        /// `key:` at the start of the line with nothing but blank space or a comment after it.
        func bareKey() -> String? {
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let rest = bytes[(colon + 1)...]
            var afterSpace = true
            for byte in rest {
                if byte == UInt8(ascii: "#") && afterSpace { break }
                guard [UInt8(ascii: " "), 0x0A, 0x0D].contains(byte) else { return nil }
                afterSpace = true
            }
            return String(decoding: bytes[..<colon], as: UTF8.self)
        }
    }

    private func nextLine() throws -> Line? {
        guard try stream.peek() != nil else { return nil }
        let number = stream.line
        let offset = stream.offset
        stream.startCapture()
        try stream.skipLine()
        return Line(bytes: stream.endCapture(), number: number, offset: offset)
    }

    private func scanYAML(header leadingBlankSpace: [UInt8], _ each: (ScannedPiece) throws -> Void) throws {
        // The header: blank and comment lines, an optional `---`, then `version: ...`.
        var header = leadingBlankSpace
        var sawStart = false
        while true {
            guard let line = try nextLine() else { throw UnsplittableDocument() }
            header += line.bytes
            guard let indent = line.indent else { continue }
            let text = String(decoding: line.bytes, as: UTF8.self).trimmingTrailingBlankSpace()
            if indent == 0 && text == "---" && !sawStart {
                sawStart = true
                continue
            }
            guard indent == 0, text.hasPrefix("version: "), !text.contains("#") else { throw UnsplittableDocument() }
            break
        }
        try each(.header(SourceSnippet(bytes: header, line: 1, column: 1, offset: stream.textStart), closingText: ""))

        var seen: Set<InterchangeSection> = []
        var section: InterchangeSection?
        var index = 0
        var item: (bytes: [UInt8], line: Int, offset: Int, indent: Int)?

        func finishItem() throws {
            guard let current = item, let section else { return }
            try each(.record(section, index: index,
                             SourceSnippet(bytes: current.bytes, line: current.line, column: 1, offset: current.offset),
                             asListItem: true))
            index += 1
            item = nil
        }

        while let line = try nextLine() {
            guard let indent = line.indent else {
                if item != nil {
                    item?.bytes += line.bytes
                } else {
                    try each(.skipped(SourceSnippet(bytes: line.bytes, line: line.number, column: 1, offset: line.offset)))
                }
                continue
            }
            if let current = item {
                if indent > current.indent {
                    item?.bytes += line.bytes
                    continue
                }
                if indent == current.indent && line.startsItem(at: indent) {
                    try finishItem()
                    item = (line.bytes, line.number, line.offset, indent)
                    continue
                }
                guard indent == 0 else { throw UnsplittableDocument() }
                try finishItem()
            } else if section != nil && line.startsItem(at: indent) {
                item = (line.bytes, line.number, line.offset, indent)
                continue
            }
            // A top-level key that opens a list.
            guard indent == 0, let key = line.bareKey(), let next = InterchangeSection(rawValue: key),
                  seen.insert(next).inserted
            else { throw UnsplittableDocument() }
            // Its comment is not parsed, but the whole-file parse refuses a bad byte in it.
            try each(.skipped(SourceSnippet(bytes: line.bytes, line: line.number, column: 1, offset: line.offset)))
            section = next
            index = 0
        }
        try finishItem()
    }
}

private extension String {
    func trimmingTrailingBlankSpace() -> String {
        var result = Substring(self)
        while let last = result.last, last == " " || last == "\n" || last == "\r" || last == "\r\n" {
            result = result.dropLast()
        }
        return String(result)
    }
}
