import ArgumentParser

/// How a listing is printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for a terminal.
    case table
    /// One JSON document.
    case json
    /// Comma-separated values, one header row.
    case csv
    /// A Markdown table.
    case markdown
}
