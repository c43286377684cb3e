/// A command that takes options and no arguments. As the default subcommand of another
/// (`maintenance list`), it tells ``UnknownCommand`` that a word after the parent's name cannot be
/// its argument, so it is a command name, mistyped (`maintenance lst`).
protocol TakesOptionsOnly {}
