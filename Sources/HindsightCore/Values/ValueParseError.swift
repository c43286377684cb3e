/// Why a piece of text is not a valid value of some type: says what was found and what would
/// have been accepted, in words fit for an error message.
public struct ValueParseError: Error, Equatable, CustomStringConvertible {
    /// The complete explanation, e.g. "'2024-02-30' is not a day: February 2024 has 29 days".
    public let message: String

    /// Creates an error with the given explanation.
    public init(_ message: String) { self.message = message }

    /// The explanation itself.
    public var description: String { message }
}
