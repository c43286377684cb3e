import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows the symbolic links of a database path the way SQLite does.
///
/// SQLite opens a database through a link but keeps its `-wal`, `-shm` and `-journal` beside the
/// file the link leads to. The files Hindsight keeps beside a database (its lock file, a first
/// write's temporary file) must be named after that file too: named after the link, two
/// processes reaching one database by two names would take two different locks, and a first
/// write would put its file in the link's place rather than where the link leads.
public enum SymbolicLinks {
    /// How many links one path may pass through, as Linux allows (its MAXSYMLINKS).
    public static let limit = 40

    /// The file `path` leads to: every symbolic link among its components replaced by where it
    /// points, a last one whose target does not exist yet included (SQLite creates the database
    /// there). The components after one that does not exist are kept as they are. A path without
    /// links comes back as the same file, a relative one still relative. Nil when the links go
    /// round in a loop (or lead through more than ``limit`` of them).
    static func resolve(_ path: String) -> String? {
        // Components still to walk, the next one last.
        var pending = path.split(separator: "/").map(String.init).reversed() as [String]
        var resolved = path.hasPrefix("/") ? "/" : ""
        var followed = 0
        var reachedMissing = false
        while let component = pending.popLast() {
            if component == "." { continue }
            let candidate = resolved.isEmpty ? component : resolved.hasSuffix("/") ? resolved + component : resolved + "/" + component
            // Past a component that does not exist nothing can be a link yet.
            if reachedMissing { resolved = candidate; continue }
            var status = stat()
            guard lstat(candidate, &status) == 0 else {
                reachedMissing = true
                resolved = candidate
                continue
            }
            guard status.st_mode & S_IFMT == S_IFLNK, let target = Self.target(ofLink: candidate) else {
                resolved = candidate
                continue
            }
            followed += 1
            if followed > limit { return nil }
            // A relative target is read from the folder that holds the link, which `resolved` is.
            if target.hasPrefix("/") { resolved = "/" }
            pending.append(contentsOf: target.split(separator: "/").map(String.init).reversed())
        }
        return resolved.isEmpty ? "." : resolved
    }

    /// What the symbolic link at `path` holds, as written in it (a relative target is relative to
    /// the link's folder); nil when `path` is not a link or cannot be read.
    public static func target(ofLink path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
