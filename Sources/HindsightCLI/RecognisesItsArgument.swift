/// A command whose one argument has a shape a command name cannot have. As the default
/// subcommand of another (`action show`, whose id holds a `/`), it tells ``UnknownCommand`` that
/// a word after the parent's name without that shape is not its argument but a command name,
/// mistyped or made up (`action change`), where the word would otherwise be refused as a bad id
/// or, before `--help`, answered with the default subcommand's help.
protocol RecognisesItsArgument {
    /// Whether `word` could be this command's argument.
    static func couldBeArgument(_ word: String) -> Bool
}
