import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `-wal`, `-shm` and `-journal` files SQLite keeps beside a database, as left behind by a
/// database of the same name that was deleted after a process writing it was killed.
///
/// SQLite pairs a database with its side files by name alone: a complete file moved into place
/// beside a left-over write-ahead log has that log's pages laid over it at its next opening, and
/// is then corrupt. SQLite itself discards such a log only when the database file is empty.
enum OrphanedSideFiles {
    static let suffixes = ["-wal", "-shm", "-journal"]

    /// Removes the side files of `path` when nothing at all is at `path` (not even a symbolic
    /// link): they belong to no database, and a file about to be put there must not inherit them.
    /// Call it while holding the lock that anyone creating `path` takes, so that the file cannot
    /// appear meanwhile.
    static func remove(besideMissing path: String) {
        var status = stat()
        guard lstat(path, &status) != 0 && errno == ENOENT else { return }
        for suffix in suffixes { unlink(path + suffix) }
    }

    /// The side file of an existing `path` that holds writes not yet in the database file (a
    /// non-empty `-wal` or `-journal`), or nil: the database is open in another program or one was
    /// killed while writing it, and replacing the file would pair the new one with those writes.
    /// Nil when nothing is at `path`: such side files belong to no database, and ``remove(besideMissing:)``
    /// removes them before a file is put there.
    static func unfinishedWrite(beside path: String) -> String? {
        var file = stat()
        guard lstat(path, &file) == 0 else { return nil }
        for suffix in ["-wal", "-journal"] {
            var status = stat()
            if stat(path + suffix, &status) == 0 && status.st_size > 0 { return path + suffix }
        }
        return nil
    }
}
