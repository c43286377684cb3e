import HindsightCore

/// Prints a listing in the chosen format: the JSON form from its own structured value (with
/// typed numbers and full text), the others from the listing's text cells.
enum ListingPrinter {
    static func print(_ listing: Listing, json: StructuredValue, format: OutputFormat) {
        switch format {
        case .table: Output.write(listing.table())
        case .json: Output.write(JSONWriter.string(json))
        case .csv: Output.write(listing.csv())
        case .markdown: Output.write(listing.markdown())
        }
    }
}
