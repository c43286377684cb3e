/// One thing wrong with an interchange input, located in its file.
public struct InterchangeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what would have been accepted.
    public var message: String

    /// Creates a problem.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`, the form errors are printed in.
    public var description: String { "\(location): \(message)" }
}

/// Every problem found in an input; nothing of it may be written.
public struct InterchangeProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    public var problems: [InterchangeProblem]

    /// Wraps a list of problems.
    public init(_ problems: [InterchangeProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
