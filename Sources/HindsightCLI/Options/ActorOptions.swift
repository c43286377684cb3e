import ArgumentParser

/// `--by` and `--note`, shared by the commands that change an action and record it in its history.
struct ActorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who makes the change, for the history (default: your login name).", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Why, in a few words, for the history.", valueName: "text"))
    var note: String?

    func validate() throws {
        if let by { _ = try OptionParsing.text("--by", by) }
        if let note { _ = try OptionParsing.text("--note", note) }
    }

    /// The author to record.
    var actor: String { by ?? LoginName.current }
}
