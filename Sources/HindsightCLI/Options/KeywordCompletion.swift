import ArgumentParser
import HindsightCore

extension CompletionKind {
    /// Completes to the spellings of `type` (`open`, `in-progress`, …): the options that take a
    /// keyword are plain text to the parser, so that a wrong one gets hindsight's own message, and
    /// the parser cannot list their values itself.
    static func keyword<K: Keyword>(_ type: K.Type) -> CompletionKind {
        .list(K.allCases.map(\.rawValue))
    }
}
