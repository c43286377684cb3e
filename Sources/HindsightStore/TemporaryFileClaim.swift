import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `flock` on `<temporary>.claim`, held by the process that builds a temporary file (a first
/// write's new database, a backup's copy), so that another process can tell an abandoned
/// temporary file from one still being built.
///
/// The lock is on a file of its own so that the temporary file is opened by SQLite alone: on
/// Linux, closing any descriptor of a file drops every POSIX lock the process holds on that file,
/// and SQLite's locks are POSIX locks. (Where `flock` is emulated with POSIX locks, as on NFS, a
/// lock on SQLite's own file would also be split by SQLite's unlocking.)
final class TemporaryFileClaim {
    /// What the claim file's name adds to the temporary file's.
    static let suffix = ".claim"

    private let path: String
    private var descriptor: Int32

    /// Takes the claim on `temporary`, before the temporary file is made; nil when the claim file
    /// cannot be made (the temporary file is then built unclaimed, and a sweep that finds it after
    /// this process is gone removes it).
    init?(on temporary: String) {
        path = temporary + Self.suffix
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { break }
        }
    }

    /// Removes the claim file and lets the lock go; call it once the temporary files are gone.
    /// Removed first and unlocked after, so that a sweep that finds the file unlocked finds it gone.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// Removes the abandoned temporary files in `folder`: those `owner` recognises by name (giving
    /// the name of the temporary file the entry belongs to, one of `sides` added to it, and the
    /// process that built it), when that process is gone and no process holds the claim on it.
    /// A temporary file without a claim file is locked on itself, as older versions claimed it:
    /// only a process that is gone can have built it, so no SQLite lock of this process is on it.
    static func sweep(in folder: String, sides: [String], owner: (String) -> (temporary: String, builder: pid_t)?) {
        let directory = folder.isEmpty ? "." : folder
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var builders: [String: pid_t] = [:]
        for entry in entries {
            guard let found = owner(entry) else { continue }
            builders[found.temporary] = found.builder
        }
        for (temporary, builder) in builders.sorted(by: { $0.key < $1.key }) {
            // A process that still runs (or that this one may not signal) may be building it.
            if kill(builder, 0) == 0 || errno != ESRCH { continue }
            let base = directory + "/" + temporary
            var descriptor = open(base + suffix, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                guard errno == ENOENT else { continue }
                descriptor = open(base, O_RDONLY | O_CLOEXEC)
                if descriptor < 0 && errno != ENOENT { continue }
            }
            defer { if descriptor >= 0 { close(descriptor) } }
            if descriptor >= 0 {
                guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            }
            for side in sides { unlink(base + side) }
            unlink(base + suffix)
        }
    }

    /// The temporary file and builder of `entry` when it is `prefix`, a process id, a part that
    /// `isKind` accepts, and one of `sides` or the claim suffix (e.g. `.kb.sqlite.`, `4711`,
    /// `.partial`, `-journal`).
    static func owner(of entry: String, prefix: String, sides: [String],
                      isKind: (Substring) -> Bool) -> (temporary: String, builder: pid_t)? {
        guard entry.hasPrefix(prefix) else { return nil }
        let rest = entry.dropFirst(prefix.count)
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let builder = pid_t(digits), builder > 0 else { return nil }
        let tail = rest.dropFirst(digits.count)
        for side in sides + [suffix] where tail.hasSuffix(side) && isKind(tail.dropLast(side.count)) {
            return (String(entry.dropLast(side.count)), builder)
        }
        return nil
    }
}
