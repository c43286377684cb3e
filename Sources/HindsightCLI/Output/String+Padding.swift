extension String {
    /// The string padded with spaces to `width` characters, or followed by one space when it is
    /// already as wide, so that columns of plain text never run together.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
