/// What decoding an import's input found besides its valid records: the problems of the records
/// themselves, and what the refused ones would have defined, so that the rules that span records
/// can still be checked on the valid records without reporting a reference to a refused one as
/// unknown.
public struct DecodingFindings: Sendable {
    /// The problems found, in the order of the files and, within a file, by line and column.
    public var problems: [InterchangeProblem] = []
    /// The names of the files read, in the order read.
    public var files: [String] = []
    /// The ids of the services whose records were refused, each with where the first record
    /// refused with that id starts.
    public var refusedServices: [String: SourceLocation] = [:]
    /// The ids of the incidents whose records were refused, each with where the first record
    /// refused with that id starts: the first place an id appears, for a duplicate to point at.
    public var refusedIncidents: [String: SourceLocation] = [:]
    /// Whether the input may define services that are neither decoded nor in
    /// ``refusedServices``: a service record refused without a valid id, a part of a file that
    /// was not read at all (after a syntax error or a bad byte), or one not read as records (a
    /// top-level key the format does not know, a `services` that is not a list). Any service that
    /// a valid record names and no record defines may then be one of them.
    public var mayDefineUnreadServices = false

    /// No problems, no files.
    public init() {}

    /// The findings of one file, read after those already here.
    public mutating func append(_ other: DecodingFindings) {
        problems += other.problems
        files += other.files
        // The earlier file's record is the first.
        refusedServices.merge(other.refusedServices) { earlier, _ in earlier }
        refusedIncidents.merge(other.refusedIncidents) { earlier, _ in earlier }
        mayDefineUnreadServices = mayDefineUnreadServices || other.mayDefineUnreadServices
    }
}
