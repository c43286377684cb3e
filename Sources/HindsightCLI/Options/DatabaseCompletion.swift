import ArgumentParser
import HindsightStore

/// Shell completion of values held in the knowledge base: service, incident and action ids,
/// teams and cause paths. An option or argument points at one with `completion: .knowledgeBase(.services)`.
///
/// The shell runs `hindsight ---completion …` with the words typed so far, and the knowledge base is
/// the one the command would use: `--db` among those words, else `HINDSIGHT_DB`, else the default.
enum DatabaseCompletion {
    /// The values of `kind` that begin with `prefix`, from the knowledge base `words` name.
    static func suggestions(_ kind: CompletionCandidates.Kind, words: [String], index: Int, prefix: String) -> [String] {
        CompletionCandidates.read(kind, from: DatabaseOptions.path(db: database(in: words, completing: index)))
            .filter { $0.hasPrefix(prefix) }
    }

    /// The value of the last `--db` (or `--db=`) among `words`, leaving out the word at `completing`,
    /// which is still being typed; nil when there is none. Words come as the shell has them: a
    /// quoted path or one with `~` is looked for as written, and then most likely not found.
    static func database(in words: [String], completing index: Int) -> String? {
        var found: String?
        for (position, word) in words.enumerated() where position != index {
            if word == "--" { break }
            if word == "--db", position + 1 < words.count, position + 1 != index, !words[position + 1].isEmpty {
                found = words[position + 1]
            } else if word.hasPrefix("--db="), word.count > 5 {
                found = String(word.dropFirst(5))
            }
        }
        return found
    }
}

extension CompletionKind {
    /// Completes to the values of `kind` in the knowledge base (see ``DatabaseCompletion``).
    static func knowledgeBase(_ kind: CompletionCandidates.Kind) -> CompletionKind {
        .custom { words, index, prefix in DatabaseCompletion.suggestions(kind, words: words, index: index, prefix: prefix) }
    }
}
