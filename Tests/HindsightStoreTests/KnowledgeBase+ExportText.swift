import HindsightCore
@testable import HindsightStore

extension KnowledgeBase {
    /// The knowledge base exported as `hindsight export` writes it, record by record, in YAML.
    func exportedYAML() throws -> String {
        var text = ""
        var writer = try InterchangeStreamWriter(format: .yaml)
        try writer.begin(to: &text)
        try exportRecords { section, record in try writer.add(record, in: section, to: &text) }
        try writer.finish(to: &text)
        return text
    }
}
