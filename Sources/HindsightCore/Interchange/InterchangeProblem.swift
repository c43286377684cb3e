/// One thing wrong with an interchange input, located in its file.
public struct InterchangeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what would have been accepted.
    public var message: String
    /// The facts of the problem when it is a fixed allowance too long for the SLA's windows, so
    /// that a command can word it for its own options; nil for every other problem.
    public var excessAllowance: ExcessAllowance?

    /// Creates a problem.
    public init(_ location: SourceLocation, _ message: String, excessAllowance: ExcessAllowance? = nil) {
        self.location = location
        self.message = message
        self.excessAllowance = excessAllowance
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
