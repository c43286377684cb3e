import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a lock file beside the database, held while the schema is checked and
/// migrated, so that processes opening one fresh file at once migrate it one after the other
/// (GRDB's migrator reads the applied migrations outside its own transaction).
final class MigrationLock {
    private let descriptor: Int32

    /// Waits for the lock on `path`, creating the file if needed; nil when the folder is read-only
    /// (a reader can then proceed without it: it will not migrate).
    init?(path: String) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { close(descriptor); return nil }
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
