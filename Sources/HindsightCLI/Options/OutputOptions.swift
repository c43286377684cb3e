import ArgumentParser

/// The `--format` option shared by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table
}
