import ArgumentParser

/// How a report is printed: the listing formats, and a standalone HTML page.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    /// Sections of aligned columns for a terminal, 100 columns wide.
    case table
    /// One JSON document, numbers unrounded.
    case json
    /// One row per service window.
    case csv
    /// Headings and tables to paste into a review document.
    case markdown
    /// A standalone page, every stored text escaped.
    case html
}
