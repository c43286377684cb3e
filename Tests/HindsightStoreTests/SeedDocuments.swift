import HindsightCore
import HindsightSeeds

/// The seed postmortems compiled into the binary, decoded.
enum SeedDocuments {
    static func all() throws -> InterchangeDocument {
        var document = InterchangeDocument()
        for file in EmbeddedFiles.all where file.name.hasSuffix(".yaml") {
            document.append(contentsOf: try InterchangeDecoder.decode(Array(file.text.utf8), file: file.name))
        }
        return document
    }

    static let now = Instant(millisecondsSinceEpoch: 1_700_000_000_000)
}
