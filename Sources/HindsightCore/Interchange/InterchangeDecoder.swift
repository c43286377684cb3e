import Yams

/// Decodes interchange documents (YAML or JSON, version 1) into validated records.
///
/// Every rule that concerns one record is checked here, and every problem is reported with its
/// file, line and column; rules that span records (references, duplicates, stored conflicts) are
/// left to the import.
public enum InterchangeDecoder {
    /// The format version this decoder reads.
    public static let version = 1

    /// Decodes all documents in `bytes`, read from the file named `file`.
    /// - Returns: the records of all documents merged, in order.
    /// - Throws: ``InterchangeProblems`` listing every problem found, in file order.
    public static func decode(_ bytes: [UInt8], file: String) throws -> InterchangeDocument {
        let (document, findings) = try decodeFindings(bytes, file: file)
        guard findings.problems.isEmpty else { throw InterchangeProblems(findings.problems) }
        return document
    }

    /// Decodes all documents in `bytes` as ``decode(_:file:)`` does, keeping the records that are
    /// valid on their own when others are not, so that an import can still check them across
    /// records and list what it finds with the file's own problems in one run.
    /// - Returns: the valid records of all documents merged, in order, and the findings: every
    ///   problem in file order and what the refused records would have defined. A file that cannot
    ///   be read through (a bad byte, aliases that stand for too much, a syntax error) gives no
    ///   records, and its findings say that it may define services not read.
    /// - Throws: an error of the YAML parser other than a syntax error, should it throw one.
    public static func decodeFindings(_ bytes: [UInt8], file: String) throws
        -> (document: InterchangeDocument, findings: DecodingFindings) {
        try decodeFindings(bytes, file: file, skipping: [:])
    }

    /// Decodes as ``decodeFindings(_:file:)`` does, leaving out of the records (not out of the
    /// checks) the first `skipping[section]` items of each section of the first document: those
    /// that a reading record by record handed out before it had to parse the file whole.
    static func decodeFindings(_ bytes: [UInt8], file: String, skipping: [InterchangeSection: Int]) throws
        -> (document: InterchangeDocument, findings: DecodingFindings) {
        var findings = DecodingFindings()
        findings.files = [file]
        // A byte order mark may open the file. libyaml skips it but counts it as a column, which
        // puts the first line's key one column in and breaks block YAML, so it is dropped here:
        // positions are then those an editor shows, and byte offsets still the file's.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let bytes = hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        if let problem = TextEncodingCheck.firstProblem(in: bytes, file: file,
                                                        start: (1, 1, hasByteOrderMark ? 3 : 0), document: true) {
            findings.problems = [problem]
            findings.mayDefineUnreadServices = true
            return (InterchangeDocument(), findings)
        }
        let context = DecodingContext(file: file)
        func found(_ document: InterchangeDocument) -> (document: InterchangeDocument, findings: DecodingFindings) {
            findings.problems = context.problemsInFileOrder
            findings.refusedServices = context.refusedServices
            findings.refusedIncidents = context.refusedIncidents
            findings.mayDefineUnreadServices = context.mayDefineUnreadServices
            return (document, findings)
        }
        // JSON that the JSON reader takes is read by it, as when a file is read record by record:
        // the records are the same, and surrogate pair escapes, which YAML refuses, are read too.
        if let root = JSONRecordParser.parse(bytes, startColumn: 1) {
            return found(decodeDocument(root, context: context, skipping: skipping))
        }
        var result = InterchangeDocument()
        let text = String(decoding: bytes, as: UTF8.self)
        if let problem = AliasExpansionCheck.firstProblem(in: text, left: &context.aliasValuesLeft) {
            findings.problems = [InterchangeProblem(context.location(at: problem.position), problem.message)]
            findings.mayDefineUnreadServices = true
            return (InterchangeDocument(), findings)
        }
        do {
            let parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            let exactValues = ByteOrderMarkScalars.values(in: text)
            var documentCount = 0
            while let root = try parser.nextRoot() {
                // An empty document (a `---` with nothing but comments after it, up to the next
                // `---` or the end) holds no records and is passed over: a trailing `---`, as
                // tools that join YAML files write, was refused past the end of the file. Not
                // counted, so `skipping` applies to the first document with content, which is the
                // one a reading record by record began with (it starts with `version`).
                if isEmptyDocument(root) { continue }
                documentCount += 1
                result.append(contentsOf: decodeDocument(InterchangeNode(root, exactValues: exactValues), context: context,
                                                         skipping: documentCount == 1 ? skipping : [:]))
            }
            if documentCount == 0 {
                context.report(SourceLocation(file: file, line: 1, column: 1),
                               "the file holds no document; expected a mapping that starts with 'version: 1'")
            }
        } catch let error as YamlError {
            let location = syntaxLocation(error, file: file)
            let hint = character(in: text, line: location.line, column: location.column) == "\t"
                && !syntaxMessage(error).contains("tab") ? "; the character is a tab, and YAML indents with spaces only" : ""
            context.report(location, "not valid YAML or JSON: \(syntaxMessage(error))\(hint)")
            // The rest of the file is not read: it may define anything.
            context.mayDefineUnreadServices = true
            return found(InterchangeDocument())
        }
        return found(result)
    }

    /// Whether `root` is what the YAML parser gives for a document with no content at all: an
    /// empty plain scalar, untagged, which nothing written (`~`, `null`, `""`, `!!str`) parses to.
    /// (A bare `!!null` gives the same node once its tag is resolved, and is passed over too.)
    private static func isEmptyDocument(_ root: Node) -> Bool {
        guard case .scalar(let scalar) = root, scalar.anchor == nil,
              scalar.style == .plain || scalar.style == .any, scalar.string.isEmpty
        else { return false }
        return [Tag.Name.implicit.rawValue, Tag.Name.null.rawValue].contains(scalar.tag.description)
    }

    /// The document's valid records, but for the first `skipping[section]` items of each section.
    private static func decodeDocument(_ root: InterchangeNode, context: DecodingContext,
                                       skipping: [InterchangeSection: Int]) -> InterchangeDocument {
        var document = InterchangeDocument()
        if mayHideServices(root) { context.mayDefineUnreadServices = true }
        guard let reader = decodeHeader(root, context: context) else { return document }
        for section in InterchangeSection.allCases {
            for (index, node) in reader.list(section.rawValue).enumerated() {
                if let record = decodeRecord(node, in: section, index: index, context: context),
                   index >= skipping[section] ?? 0 {
                    document.append(record)
                }
            }
        }
        return document
    }

    /// Whether a part of the document is not read as records and may define services: the
    /// document is not a mapping, has a key the format does not know (a misspelt `services`), or
    /// its `services` is not a list. References to services are then not checked, since the fix
    /// may define them.
    private static func mayHideServices(_ root: InterchangeNode) -> Bool {
        guard case .mapping(let pairs, _) = root else { return true }
        for (key, value) in pairs {
            guard case .scalar(let name) = key else { return true }
            if name.string == "version" { continue }
            guard let section = InterchangeSection(rawValue: name.string) else { return true }
            if section == .services && !value.isNull {
                guard case .sequence = value else { return true }
            }
        }
        return false
    }

    /// Checks the document's top-level mapping and its version; nil when it is not a mapping.
    static func decodeHeader(_ root: InterchangeNode, context: DecodingContext) -> MappingReader? {
        guard let reader = MappingReader(root, path: "document",
                                         allowedKeys: ["version"] + InterchangeSection.allCases.map(\.rawValue),
                                         context: context)
        else { return nil }
        if let version = reader.integer("version", required: true, range: "equal to 1", largest: nil, { _ in true }),
           version != Self.version {
            // Named by its path, as the version's other problems and the other top-level keys are.
            context.report(reader.location(of: "version"), "\(reader.fieldPath("version")): this hindsight reads "
                           + "interchange version \(Self.version), not \(version)")
        }
        return reader
    }

    /// Decodes item `index` of a top-level list; nil (with problems reported) when it is invalid.
    static func decodeRecord(_ node: InterchangeNode, in section: InterchangeSection, index: Int,
                             context: DecodingContext) -> InterchangeRecord? {
        let path = "\(section.rawValue)[\(index)]"
        switch section {
        case .services: return decodeService(node, path: path, context: context).map(InterchangeRecord.service)
        case .slas: return decodeSLA(node, path: path, context: context).map(InterchangeRecord.sla)
        case .maintenance: return decodeMaintenance(node, path: path, context: context).map(InterchangeRecord.maintenance)
        case .incidents: return IncidentDecoder(context: context).decode(node, path: path).map(InterchangeRecord.incident)
        }
    }

    private static func decodeService(_ node: InterchangeNode, path: String, context: DecodingContext) -> Located<Service>? {
        guard let reader = MappingReader(node, path: path, allowedKeys: ["id", "name", "team", "tier", "description"],
                                         context: context)
        else {
            context.mayDefineUnreadServices = true
            return nil
        }
        let before = context.problems.count
        let id = reader.id("id", required: true)
        let name = reader.text("name", required: true, nonEmpty: true)
        let team = reader.text("team", nonEmpty: true)
        let tier = reader.integer("tier", range: "of at least 1", { $0 >= 1 })
        let description = reader.text("description")
        guard context.problems.count == before, let id, let name else {
            // Noted so that an import does not call a reference to this service unknown: it is
            // written, only refused, and its problems are reported already.
            if let id {
                if context.refusedServices[id] == nil { context.refusedServices[id] = reader.location }
            } else {
                context.mayDefineUnreadServices = true
            }
            return nil
        }
        return Located(Service(id: id, name: name, team: team, tier: tier, description: description),
                       at: reader.location, path: path, fieldLocations: ["id": reader.location(of: "id")])
    }

    static func decodeSLA(_ node: InterchangeNode, path: String, context: DecodingContext) -> Located<ServiceLevelAgreement>? {
        guard let reader = MappingReader(node, path: path,
                                         allowedKeys: ["service", "allowed_downtime", "objective", "window", "timezone",
                                                       "effective_from", "effective_until", "partial", "credits"],
                                         context: context)
        else { return nil }
        let before = context.problems.count
        let service = reader.id("service", required: true)
        let allowed = reader.parsed("allowed_downtime", what: "a duration") { try TimeSpan(parsing: $0) }
        if let allowed, allowed.seconds == 0 {
            context.report(reader.location(of: "allowed_downtime"),
                           "\(path).allowed_downtime: must be more than zero; expected a duration such as 15m")
        }
        let objective = reader.number("objective", range: "between 0 and 100 (exclusive), e.g. 99.9") { $0 > 0 && $0 < 100 }
        let allowance: DowntimeAllowance?
        switch (allowed, objective) {
        case (let allowed?, nil): allowance = .fixed(allowed)
        case (nil, let objective?): allowance = .objective(percent: objective)
        case (_?, _?):
            context.report(reader.location(of: "objective"),
                           "\(path): give exactly one of allowed_downtime and objective, not both")
            allowance = nil
        case (nil, nil):
            if reader.value("allowed_downtime") == nil && reader.value("objective") == nil {
                // A key written with nothing after it is there to be seen: point at it, not at the mapping.
                if let written = reader.keyWithoutValue("allowed_downtime") {
                    context.report(written, "\(path).allowed_downtime: has no value (null or nothing after the colon); "
                                   + "expected a duration such as 15m, or leave it out and give objective")
                } else if let written = reader.keyWithoutValue("objective") {
                    context.report(written, "\(path).objective: has no value (null or nothing after the colon); "
                                   + "expected a percent such as 99.9, or leave it out and give allowed_downtime")
                } else {
                    context.report(reader.location, "\(path): missing allowed_downtime or objective (exactly one is required)")
                }
            }
            allowance = nil
        }
        let window = reader.keyword("window", WindowKind.self, required: true)
        let givenZone = reader.parsed("timezone", what: "an IANA time zone name") { text in
            try TimeZoneName.validate(text); return text
        }
        let timeZone = givenZone ?? "UTC"
        let from = reader.date("effective_from")
        let until = reader.date("effective_until")
        if let from, let until, until < from {
            context.report(reader.location(of: "effective_until"),
                           "\(path).effective_until: \(until) is before effective_from \(from)")
        }
        // Days that were refused leave the windows unknown: the allowance is checked against
        // them once they are given right, not against the SLA's whole life meanwhile.
        // A refused zone is not UTC's: only what holds in every zone is checked then.
        let zoneCalendar = givenZone == nil && reader.value("timezone") != nil ? nil : try? LocalCalendar(timeZoneName: timeZone)
        let daysRead = (from != nil || reader.value("effective_from") == nil) && (until != nil || reader.value("effective_until") == nil)
        if daysRead, let allowed, let window,
           let excess = ExcessAllowance.find(allowed, window: window, in: zoneCalendar, from: from, until: until) {
            context.report(reader.location(of: "allowed_downtime"),
                           "\(path).allowed_downtime: \(excess.reason); expected a duration such as 15m", excessAllowance: excess)
        }
        let partial = reader.keyword("partial", PartialImpactPolicy.self) ?? .weighted
        var credits: [CreditTier] = []
        for (index, tierNode) in reader.list("credits").enumerated() {
            guard let tierReader = MappingReader(tierNode, path: "\(path).credits[\(index)]",
                                                 allowedKeys: ["below", "credit_percent"], context: context)
            else { continue }
            let below = tierReader.number("below", required: true, range: "above 0 and at most 100") { $0 > 0 && $0 <= 100 }
            let credit = tierReader.number("credit_percent", required: true, range: "above 0 and at most 100") { $0 > 0 && $0 <= 100 }
            if let below, let credit { credits.append(CreditTier(belowPercent: below, creditPercent: credit)) }
        }
        guard context.problems.count == before, let service, let allowance, let window else { return nil }
        let sla = ServiceLevelAgreement(serviceID: service, allowance: allowance, window: window, timeZone: timeZone,
                                        effectiveFrom: from, effectiveUntil: until, partial: partial, credits: credits)
        return Located(sla, at: reader.location, path: path, fieldLocations: ["service": reader.location(of: "service")])
    }

    static func decodeMaintenance(_ node: InterchangeNode, path: String, context: DecodingContext) -> Located<MaintenanceWindow>? {
        guard let reader = MappingReader(node, path: path, allowedKeys: ["service", "start", "end", "note"], context: context)
        else { return nil }
        let before = context.problems.count
        let service = reader.id("service", required: true)
        let start = reader.instant("start", required: true)
        let end = reader.instant("end", required: true)
        let note = reader.text("note")
        if let start, let end, end <= start {
            context.report(reader.location(of: "end"), "\(path).end: \(end) is not after start \(start)")
        }
        guard context.problems.count == before, let service, let start, let end else { return nil }
        return Located(MaintenanceWindow(serviceID: service, start: start, end: end, note: note),
                       at: reader.location, path: path, fieldLocations: ["service": reader.location(of: "service")])
    }

    /// libyaml's words for a `\u` or `\U` escape that names no character, which it places at the
    /// escape's first hex digit.
    private static let invalidEscape = "found invalid Unicode character escape code"

    static func syntaxLocation(_ error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, invalidEscape, let mark, _):
            // At the backslash, two characters before: where the escape starts.
            return SourceLocation(file: file, line: mark.line, column: max(1, mark.column - 2))
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    /// The character at `line` and `column` (from 1, as libyaml counts them in `text` split at
    /// line feeds), or nil past the text: libyaml's "found character that cannot start any
    /// token" does not say that the character is a tab, the usual one in a hand-written file.
    private static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, column >= 1 else { return nil }
        var lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false).dropFirst(line - 1).makeIterator()
        guard let found = lines.next() else { return nil }
        let scalars = found.unicodeScalars
        guard let index = scalars.index(scalars.startIndex, offsetBy: column - 1, limitedBy: scalars.endIndex),
              index < scalars.endIndex else { return nil }
        return scalars[index]
    }

    /// How a duplicated key that is a list or a mapping is named in a message. Yams places such a
    /// message at one of the duplicated keys, and which one can change from run to run.
    public static let nonTextKey = "(a list or mapping)"

    static func syntaxMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, invalidEscape, _, _):
            // libyaml says the same of an escape beyond the last character, \U0010FFFF.
            return "this escape names no character: a UTF-16 surrogate (\\uD800 to \\uDFFF) is only half of one, "
                + "read in JSON as a high half followed by a low half (\\ud83d\\ude00), and none lies beyond "
                + "\\U0010FFFF; write the character itself, or in YAML \\U0001F600"
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            // Sorted here: Yams lists them in an order that can change from run to run. It names
            // a key that is not text "<uncovertable>".
            let names = duplicates.map { $0 == "<uncovertable>" ? "\(nonTextKey)" : "'\($0)'" }.sorted()
            return "the key \(names.joined(separator: ", ")) appears twice in one mapping"
        default:
            return "\(error)"
        }
    }
}
