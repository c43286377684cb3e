import ArgumentParser
import HindsightStore

/// `hindsight init`: creates an empty knowledge base, or brings an existing one's schema up to date.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty knowledge base, or bring an existing one up to date.",
        discussion: """
            Creates the file and its folder when missing. Safe to run on an existing knowledge base: \
            it changes nothing but the schema, and only when this hindsight is newer.

            Example:
              hindsight init --db ./reliability.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let knowledgeBase = try database.open(.readWrite)
        let schema = try knowledgeBase.appliedMigrations().last ?? "none"
        try Output.confirm("Knowledge base ready at \(knowledgeBase.path) (schema \(schema)).\n", saved: "the knowledge base")
    }
}
