#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `-wal` and `-shm` files of a database that did not exist when it was taken, so that a
/// connection refused on a damaged file, or one that is not a database, can remove the ones
/// SQLite made for it, and no others: a side file that existed before may be in use by another
/// process.
struct NewSideFiles {
    /// The side files SQLite may make beside a WAL database, even through a read-only connection.
    private static let suffixes = ["-wal", "-shm"]
    /// The side files that were missing when this was taken.
    private let missing: [String]

    /// Notes which side files of the database at `resolvedPath` are missing now.
    init(of resolvedPath: String) {
        missing = Self.suffixes.map { resolvedPath + $0 }.filter { access($0, F_OK) != 0 }
    }

    /// Removes the side files that were missing when this was taken; call it only after the
    /// connection that made them is closed.
    func remove() {
        for path in missing { unlink(path) }
    }
}
