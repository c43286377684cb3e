import ArgumentParser

/// The `--format` option shared by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table
}
