import HindsightCore

/// A record given again under its key with different content, held by the import until every
/// record is in: a record refused while decoding may have given the key first, and the problem
/// should point where a reader looks first.
struct PendingDuplicate {
    /// What the record is: `incident`, `service`, `SLA`.
    let kind: String
    /// The key given twice.
    let key: String
    /// Where the later record starts.
    let location: SourceLocation
    /// How the problem names the later record: `incidents[2]: `.
    let naming: String
    /// Where the first valid record with the key starts.
    let first: SourceLocation
    /// Where decoding's findings keep the refused records of the kind, when it notes them.
    let refused: KeyPath<DecodingFindings, [String: SourceLocation]>?

    /// The problem, located at the later record. It points at the first place the key appears in
    /// `input`, by `precedes`; when that is a record refused for its own problems, whose content
    /// is not known, it names besides the copy this one was found to differ from.
    func problem(after input: DecodingFindings, precedes: (SourceLocation, SourceLocation) -> Bool) -> InterchangeProblem {
        let differing = "\(naming)duplicate \(kind) '\(key)' with different content"
        if let refusedAt = refused.flatMap({ input[keyPath: $0][key] }), precedes(refusedAt, first) {
            return InterchangeProblem(location,
                "\(differing) from its copy at \(first) (first defined at \(refusedAt), refused for its own problems)")
        }
        return InterchangeProblem(location, "\(differing) (first defined at \(first))")
    }
}
