/// Why the knowledge base could not be opened or written, in words fit for a user.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A command that only reads was pointed at a file that does not exist.
    case missingDatabase(path: String)
    /// A command that only reads was pointed at an empty file, or an SQLite file without tables.
    case emptyDatabase(path: String)
    /// The database was migrated by a newer hindsight (it records migrations this one does not know).
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file is an SQLite database of some other application.
    case foreignDatabase(path: String)
    /// The file is not an SQLite database at all, or is damaged.
    case unreadableDatabase(path: String, reason: String)
    /// A command that writes could not create the knowledge base file, or the folder it goes in.
    case cannotCreate(path: String, reason: String)
    /// A backup was not started: its destination exists, is the knowledge base, or has no folder.
    case backupRefused(path: String, reason: String)
    /// A backup copy was made but could not be verified, synced or moved into place.
    case backupFailed(path: String, reason: String)

    /// The message printed for the user.
    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no knowledge base at \(path); create one with 'hindsight init --db \(path)', 'hindsight import --db \(path) FILE' or try 'hindsight demo'"
        case .emptyDatabase(let path):
            return "\(path) is empty, not a knowledge base; create one with 'hindsight init --db \(path)' or 'hindsight import --db \(path) FILE'"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer hindsight (it has schema migrations \(unknown.joined(separator: ", ")) that this version does not know); upgrade hindsight to use it. Nothing was changed."
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database of another application, not a Hindsight knowledge base; nothing was changed"
        case .unreadableDatabase(let path, let reason):
            return "\(path) cannot be read as a Hindsight knowledge base: \(reason)"
        case .cannotCreate(let path, let reason):
            return "cannot create a knowledge base at \(path): \(reason); nothing was written"
        case .backupRefused(let path, let reason):
            return "will not write a backup to \(path): \(reason)"
        case .backupFailed(let path, let reason):
            return "the backup to \(path) failed: \(reason)"
        }
    }
}
