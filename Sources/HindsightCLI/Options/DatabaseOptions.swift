import ArgumentParser
import Foundation
import HindsightStore

/// The `--db` option shared by every command that touches the knowledge base.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The knowledge base file.",
        discussion: "Default: $HINDSIGHT_DB, else $XDG_DATA_HOME/hindsight/hindsight.sqlite (~/.local/share/hindsight/hindsight.sqlite when XDG_DATA_HOME is unset).",
        valueName: "path"), completion: .file())
    var db: String?

    /// The knowledge base the command line names, once parsed: for messages about errors that
    /// SQLite reports without naming the file (read-only, locked).
    private(set) static var named: String?

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
        Self.named = path
    }

    /// The file to use: `--db`, else `HINDSIGHT_DB`, else the XDG default.
    var path: String { Self.path(db: db) }

    /// The file named by `db` (the value of `--db`), else by `HINDSIGHT_DB`, else the XDG
    /// default: for shell completion, which has only the words typed so far.
    static func path(db: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db { return db }
        if let fromEnvironment = environment["HINDSIGHT_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return dataDirectory(environment) + "/hindsight.sqlite"
    }

    /// `$XDG_DATA_HOME/hindsight`, or `~/.local/share/hindsight`, without a doubled slash when the
    /// folder is given with a trailing one (`HOME=/` gives `/.local/share/hindsight`).
    static func dataDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return withoutTrailingSlashes(xdg) + "/hindsight" }
        return withoutTrailingSlashes(home(environment)) + "/.local/share/hindsight"
    }

    /// The home folder: `HOME`, else the account's, as the shell takes it for `~`.
    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    private static func withoutTrailingSlashes(_ folder: String) -> String {
        var folder = Substring(folder)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }

    /// Opens an existing knowledge base for writing; a missing or empty file is refused, not made
    /// a knowledge base, for commands that change records which must already be there.
    func openExisting() throws -> KnowledgeBase {
        try KnowledgeBase.open(at: path, access: .existing)
    }

    /// Opens the knowledge base for reading (it must exist) or for writing (created when missing).
    func open(_ access: KnowledgeBase.Access) throws -> KnowledgeBase {
        try KnowledgeBase.open(at: path, access: access)
    }
}
