import HindsightCore

/// Prints a listing in the chosen format: JSON from its own structured value (with typed numbers
/// and full text), CSV from the same records (see ``RecordCSV``), table and Markdown from the
/// listing's display cells. Only the form that is printed is built. It serves the short listings
/// (checks, services, search hits); a listing that grows with the history is a ``RecordListing``,
/// printed record by record.
enum ListingPrinter {
    /// - Parameters:
    ///   - csv: the records of the CSV when they are not the JSON's own (a tree flattened to one
    ///     row per node); nil for the JSON's.
    ///   - csvFields: the CSV's header: the fields of the JSON records, in order.
    static func print(_ listing: @autoclosure () -> Listing, json: @autoclosure () -> StructuredValue,
                      csv: (() -> StructuredValue)? = nil, csvFields: [String], format: OutputFormat) throws {
        switch format {
        case .table: try Output.write(listing().table())
        case .json:
            let value = json()
            guard case .sequence(let items) = value else { return try Output.write(JSONWriter.string(value)) }
            // Item by item through a buffer: the text of a whole history's listing, and its copy
            // on the way out, were hundreds of megabytes.
            var output = BufferedStandardOutput()
            JSONWriter.writeList(items, to: &output)
            try output.finish()
        case .csv: try Output.write(RecordCSV.csv(csv?() ?? json(), fields: csvFields))
        case .markdown: try Output.write(listing().markdown())
        }
    }
}
