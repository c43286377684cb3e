/// A word of a command line as typed, made into the argument the shell would have passed once
/// the line ran: completion is handed the words as typed (bash and zsh keep their quotes and `~`),
/// while a command gets them expanded, and completion must find the file the command would.
///
/// Only what a path is commonly written with is undone: a leading `~` or `~/` (the home folder),
/// single and double quotes, and backslash escapes. `~user`, `$VARIABLE`, `$'…'` and globs are
/// left as written, so such a word is looked for literally.
enum ShellWord {
    /// `word` after tilde expansion and quote removal, `home` standing for a leading `~`.
    static func expanded(_ word: String, home: String) -> String {
        if word == "~" { return home }
        if word.hasPrefix("~/") { return home + unquoted(word.dropFirst()) }
        return unquoted(Substring(word))
    }

    /// `text` with its quotes and backslash escapes removed, as bash removes them: within single
    /// quotes everything is literal; within double quotes a backslash escapes only `$`, `` ` ``,
    /// `"`, `\` and a line break, and stays before anything else. A quote left open runs to the end,
    /// as it does in a word still being typed.
    static func unquoted(_ text: Substring) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                if quote == "\"", !"$`\"\\\n".contains(character) { result.append("\\") }
                if character != "\n" { result.append(character) }
                escaped = false
            } else if quote == "'" {
                if character == "'" { quote = nil } else { result.append(character) }
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" || character == "'" {
                if quote == character { quote = nil } else if quote == nil { quote = character } else { result.append(character) }
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}
