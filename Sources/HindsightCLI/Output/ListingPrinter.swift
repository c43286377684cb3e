import HindsightCore

/// Prints a listing in the chosen format: the JSON form from its own structured value (with
/// typed numbers and full text), the others from the listing's text cells. Only the form that is
/// printed is built: a listing of a whole history is hundreds of thousands of cells.
enum ListingPrinter {
    static func print(_ listing: @autoclosure () -> Listing, json: @autoclosure () -> StructuredValue, format: OutputFormat) throws {
        switch format {
        case .table: try Output.write(listing().table())
        case .json: try Output.write(JSONWriter.string(json()))
        case .csv: try Output.write(listing().csv())
        case .markdown: try Output.write(listing().markdown())
        }
    }
}
