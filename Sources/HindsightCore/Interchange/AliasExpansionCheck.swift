import CYaml

/// Refuses YAML whose aliases stand for more values than a fixed budget, before anything is built
/// from it.
///
/// An alias stands for every value inside the node its anchor names, aliases included, so a few
/// lines of anchors that alias one another ("billion laughs") stand for billions of values: Yams
/// shares the aliased node and stays small, but everything that walks the document (turning it
/// into ``InterchangeNode``s, hashing a mapping key) goes through every value. The check walks
/// libyaml's events, counts what each anchor stands for, and stops at the first alias that takes
/// the total past ``limit``, so the cost stays bounded by the text and the limit.
enum AliasExpansionCheck {
    /// How many values the aliases of one file may stand for in all. Anchors that hand-written
    /// files use to repeat a block stay far below it; a document that needs more is not one a
    /// person wrote.
    static let limit = 100_000

    /// Whether `text` could hold an alias at all: without an anchor there is nothing to expand,
    /// and most files can skip the walk.
    static func mayExpand(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "&")) && text.utf8.contains(UInt8(ascii: "*"))
    }

    /// The position of the alias that takes the values aliases stand for past what is `left` of
    /// the budget, with a message; nil when the text stays within it, or when an alias names no
    /// anchor before that (the parse refuses it there, having built nothing after it). `left` is
    /// lowered by what the aliases of `text` stand for, so that the pieces of one file share one
    /// budget.
    static func firstProblem(in text: String, left: inout Int) -> (position: TextPosition, message: String)? {
        guard mayExpand(text) else { return nil }
        var sizes: [String: Int] = [:]
        // The collections being read, innermost last: their anchor and the values read so far.
        var open: [(anchor: String?, size: Int)] = []
        var problem: (position: TextPosition, message: String)?
        var budget = left

        func finished(_ size: Int, anchor: String?) {
            // Yams keeps anchors across the documents of a stream; so does this count.
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        LibYAMLEvents.forEach(in: text) { event in
            switch event.type {
            case YAML_SCALAR_EVENT:
                finished(1, anchor: LibYAMLEvents.string(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append((LibYAMLEvents.string(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((LibYAMLEvents.string(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let done = open.popLast() { finished(done.size, anchor: done.anchor) }
            case YAML_ALIAS_EVENT:
                let name = LibYAMLEvents.string(event.data.alias.anchor) ?? ""
                // An alias of no anchor is Yams's to report, and Yams builds nothing after it.
                guard let size = sizes[name] else { return false }
                guard size <= budget else {
                    problem = (LibYAMLEvents.position(event),
                               "the alias *\(name) stands for \(size) values, which takes what the file's aliases "
                                   + "stand for past \(limit); write the values out or alias smaller parts (an alias "
                                   + "counts every value inside what it names, aliases included)")
                    return false
                }
                budget -= size
                finished(size, anchor: nil)
            default:
                break
            }
            return true
        }
        left = budget
        return problem
    }
}
