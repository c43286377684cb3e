/// Where a listing is written record by record: text, and a check between records that ends a
/// long listing at the first failed write (a reader gone with `| head`, a full disk) rather than
/// making the rest of it for nothing.
protocol ListingOutput: TextOutputStream {
    /// Throws the error that ends the command when a write has failed.
    func checkWritten() throws
}

extension BufferedStandardOutput: ListingOutput {}

/// Text in memory, as tests and small listings collect it: a write cannot fail.
extension String: ListingOutput {
    func checkWritten() {}
}
