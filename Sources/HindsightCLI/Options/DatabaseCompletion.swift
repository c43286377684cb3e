import ArgumentParser
import Foundation
import HindsightStore

/// Shell completion of values held in the knowledge base: service, incident, action and factor
/// ids, teams, cause paths, tags and owners. An option or argument points at one with
/// `completion: .knowledgeBase(.services)`.
///
/// The shell runs `hindsight ---completion …` with the words typed so far, and the knowledge base is
/// the one the command would use: `--db` among those words, else `HINDSIGHT_DB`, else the default.
enum DatabaseCompletion {
    /// The values of `kind` that begin with `prefix`, from the knowledge base `words` name.
    static func suggestions(_ kind: CompletionCandidates.Kind, words: [String], index: Int, prefix: String) -> [String] {
        CompletionCandidates.read(kind, from: path(words, completing: index)).filter { $0.hasPrefix(prefix) }
    }

    /// The factor ids that begin with `prefix`: of the incident named among `words` (the first word
    /// but the one at `index` that, unquoted, is an incident id of the knowledge base), else of
    /// every incident.
    /// Looking the words up rather than parsing them finds the incident wherever it was typed.
    static func factorSuggestions(words: [String], index: Int, prefix: String) -> [String] {
        let file = path(words, completing: index)
        let incidents = Set(CompletionCandidates.read(.incidents, from: file))
        let incident = words.enumerated().lazy.filter { $0.offset != index }
            .map { ShellWord.unquoted(Substring($0.element)) }.first { incidents.contains($0) }
        return CompletionCandidates.read(.factors(incident: incident), from: file).filter { $0.hasPrefix(prefix) }
    }

    /// The knowledge base a command line beginning with `words` would use.
    private static func path(_ words: [String], completing index: Int,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DatabaseOptions.path(db: database(in: words, completing: index, home: DatabaseOptions.home(environment)),
                             environment: environment)
    }

    /// The value of the last `--db` (or `--db=`) among `words`, leaving out the word at `completing`,
    /// which is still being typed; nil when there is none. Words come as typed, so the value is
    /// taken as the shell would pass it (see ``ShellWord``): `--db ~/kb.sqlite` is the file in `home`,
    /// while in `--db=~/kb.sqlite` the `~` is not at the start of a word and is left, as bash leaves it.
    static func database(in words: [String], completing index: Int, home: String) -> String? {
        var found: String?
        for (position, typed) in words.enumerated() where position != index {
            let word = ShellWord.unquoted(Substring(typed))
            if word == "--" { break }
            if word == "--db", position + 1 < words.count, position + 1 != index {
                let value = ShellWord.expanded(words[position + 1], home: home)
                if !value.isEmpty { found = value }
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

    /// Completes to factor ids: the typed incident's when there is one
    /// (see ``DatabaseCompletion/factorSuggestions(words:index:prefix:)``).
    static var knowledgeBaseFactors: CompletionKind {
        .custom { words, index, prefix in DatabaseCompletion.factorSuggestions(words: words, index: index, prefix: prefix) }
    }
}
