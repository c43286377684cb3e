import HindsightCore

/// A listing of domain records, printed one record at a time: a record's cells (table, Markdown)
/// or its JSON object (JSON, CSV) are made when it is written and dropped after, so that only the
/// records themselves are held. Made for all records first, as cells or one tree of values, and
/// then as one text, the listing of 100 000 incidents' actions peaked at 490 MB (table) to 1 GB
/// (CSV), where its records take about 250 MB; several GB at a million incidents.
///
/// The bytes are those of ``Listing`` and ``RecordCSV`` for the same rows and records.
struct RecordListing<Record> {
    /// The table's and the Markdown's columns.
    var columns: [Listing.Column]
    /// A record's cells, one per column, as displayed.
    var cells: (Record) -> [String]
    /// A record as its JSON object, which the CSV is made from too.
    var json: (Record) -> StructuredValue
    /// The CSV's header: the fields of the JSON objects, in order (see ``RecordCSV``).
    var csvFields: [String]

    /// Prints `records` to standard output in `format`.
    /// - Throws: the command's error for a failed write (see ``Output/writeFailure(_:)``).
    func print<Records: Collection>(_ records: Records, format: OutputFormat) throws where Records.Element == Record {
        var output = BufferedStandardOutput()
        try write(records, format: format, to: &output)
        try output.finish()
    }

    /// Writes `records` to `output` in `format`, checking between records that writing still works.
    func write<Records: Collection, Output: ListingOutput>(_ records: Records, format: OutputFormat, to output: inout Output) throws
        where Records.Element == Record {
        switch format {
        case .table:
            // The column widths need every row: a first pass makes each record's cells only to measure them.
            let layout = TableLayout(columns: columns, rows: records.lazy.map(cells))
            layout.writeHeading(to: &output)
            for record in records {
                try output.checkWritten()
                layout.writeRow(cells(record), to: &output)
            }
        case .json:
            var list = JSONListWriter()
            for record in records {
                try output.checkWritten()
                list.add(json(record), to: &output)
            }
            list.finish(to: &output)
        case .csv:
            // The header has any key beyond the declared fields that a record has: a first pass
            // makes each record's object only to collect its keys.
            let columns = RecordCSV.columns(of: records.lazy.map(json), fields: csvFields)
            output.write(RecordCSV.header(columns))
            for record in records {
                try output.checkWritten()
                if let row = RecordCSV.row(json(record), columns: columns) { output.write(row) }
            }
        case .markdown:
            output.write(Listing.markdownHeading(columns))
            for record in records {
                try output.checkWritten()
                output.write(Listing.markdownRow(cells(record)))
            }
        }
    }
}
