/// A line and column in the text a parser was given, both from 1; columns count Unicode scalars.
struct TextPosition: Hashable {
    var line: Int
    var column: Int
}
