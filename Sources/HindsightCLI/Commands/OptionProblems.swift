/// Every problem with the values of a command's options, one line each, refused as a usage
/// error (exit 64) with the command's usage after them.
///
/// Why not a `ValidationError`: its message is one text, which is written as one line with any
/// line break in it escaped (a value echoed in a message may hold one), so several problems
/// would run together on a line.
struct OptionProblems: Error {
    /// The problems, each naming its option and what would be accepted.
    var lines: [String]
}
