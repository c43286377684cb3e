import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension KnowledgeBase {
    /// Writes a consistent copy of the knowledge base to `destination`, safe to run while other
    /// processes write to it.
    ///
    /// The copy is made with `VACUUM INTO` (one read transaction, so it is the state after some
    /// commit, never half of one) into a temporary file in the destination's folder, switched to
    /// WAL like every knowledge base, checked with `integrity_check`, synced to disk (SQLite does
    /// not sync what `VACUUM INTO` writes), and then moved into place in one step, after which
    /// the folder is synced too. A reader of `destination` therefore sees either no file (or the
    /// old one) or the whole verified copy; a crash leaves at most a hidden temporary file, which
    /// the next backup to the same name removes.
    ///
    /// A `destination` that is a symbolic link (or lies below one) is written where the link
    /// leads, as a knowledge base opened through a link is: the link is left as it is, a link to
    /// an existing file is that file (refused without `overwrite`, replaced with it), and one that
    /// leads to no file yet is a destination that does not exist yet.
    ///
    /// - Parameter overwrite: replace an existing `destination`; without it an existing file is
    ///   refused, even one created by another process while the copy was being made.
    /// - Returns: the size of the copy in bytes.
    /// - Throws: ``StoreError/backupRefused(path:reason:)`` for a destination that exists, is the
    ///   knowledge base itself, is a folder, a device, a named pipe or a socket (with or without
    ///   `overwrite`), has symbolic links that go round in a loop, or lies below a file or in a
    ///   folder that is missing or cannot be written to; GRDB's `DatabaseError` for I/O failures (a full disk among them);
    ///   ``StoreError/backupFailed(path:reason:)`` when the copy fails verification or cannot be
    ///   synced or moved.
    @discardableResult
    public func backup(to destination: String, overwrite: Bool) throws -> Int64 {
        // A symbolic link is written through, as `--db` opens one: the copy goes where it leads
        // and the link stays. The copy's temporary file, the side files checked and removed, and
        // the name it is moved to are all there, beside the file SQLite will pair them with.
        guard let target = SymbolicLinks.resolve(destination) else {
            throw StoreError.backupRefused(path: destination, reason: "its symbolic links go round in a loop (or lead through more than \(SymbolicLinks.limit))")
        }
        let containing = ContainingFolder.of(target)
        let folder = containing.isEmpty ? "." : containing
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw StoreError.backupRefused(path: destination, reason: "the folder \(folder) does not exist")
        }
        guard isFolder.boolValue else {
            throw StoreError.backupRefused(path: destination, reason: "\(folder) is a file, not a folder")
        }
        // SQLite would name only the temporary copy, and say only that it could not open it.
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StoreError.backupRefused(path: destination, reason: "the folder \(folder) cannot be written to")
        }
        if Self.isSameFile(target, path) {
            throw StoreError.backupRefused(path: destination, reason: "it is the knowledge base itself")
        }
        var destinationIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &destinationIsFolder), destinationIsFolder.boolValue {
            // rename() cannot put a file in a folder's place, so --overwrite would not help either.
            throw StoreError.backupRefused(path: destination, reason: "it is a folder; name the file to write in it, e.g. "
                                           + (destination as NSString).appendingPathComponent("hindsight.sqlite"))
        }
        if let kind = Self.specialFileKind(target) {
            // rename() would put the copy in its place: with --overwrite, /dev/null would become a file.
            throw StoreError.backupRefused(path: destination, reason: "it is \(kind), not a regular file; a backup is a file of its own")
        }
        if !overwrite && FileManager.default.fileExists(atPath: target) {
            throw StoreError.backupRefused(path: destination, reason: "the file already exists; pass --overwrite to replace it")
        }
        if overwrite, let log = OrphanedSideFiles.unfinishedWrite(beside: target) {
            throw StoreError.backupRefused(path: destination, reason: """
                \(log) holds writes not yet in the file: it is open in another program, or one was killed while \
                writing it, and SQLite would lay those writes over the copy and damage it; close that program \
                (or, when none is running, open the file once for writing, e.g. 'hindsight init --db \(destination)') and try again
                """)
        }
        let name = (target as NSString).lastPathComponent
        // A backup killed before it could clean up left its copy, as large as the knowledge base.
        Self.removeAbandonedBackups(in: folder, name: name)
        let temporary = folder + "/." + name + ".\(getpid()).\(UUID().uuidString).backup"
        // Held while the copy is made, so that another backup's sweep leaves it alone.
        let claim = TemporaryFileClaim(on: temporary)
        var moved = false
        defer {
            if !moved {
                for suffix in Self.backupSuffixes { unlink(temporary + suffix) }
            }
            claim?.release()
        }
        try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
        try Self.prepareCopy(at: temporary, destination: destination)
        if let problem = FileSync.sync(temporary) {
            throw StoreError.backupFailed(path: destination, reason: problem)
        }
        // Side files left by a deleted database of that name would be paired with the copy.
        OrphanedSideFiles.remove(besideMissing: target)
        if overwrite {
            guard rename(temporary, target) == 0 else {
                throw StoreError.backupFailed(path: destination, reason: "could not move the copy into place: \(Self.errnoText())")
            }
        } else {
            // link() fails if the name was taken in the meantime, where rename() would replace it.
            guard link(temporary, target) == 0 else {
                // Another backup took the name since the check above: the same refusal as when it
                // was there before, so that a script can tell it from a failure to write.
                if errno == EEXIST {
                    throw StoreError.backupRefused(path: destination, reason: "the file already exists; pass --overwrite to replace it")
                }
                throw StoreError.backupFailed(path: destination, reason: "could not move the copy into place: \(Self.errnoText())")
            }
            unlink(temporary)
        }
        moved = true
        // The copy is in place; a folder that cannot be synced only makes its name less durable.
        if let problem = FileSync.sync(folder) {
            throw StoreError.backupFailed(path: destination, reason: "the copy is in place but \(problem)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Puts the copy in WAL mode and verifies it, then closes it so that nothing is left in a
    /// side file.
    private static func prepareCopy(at temporary: String, destination: String) throws {
        let copy = try DatabaseQueue(path: temporary)
        let verdict = try copy.writeWithoutTransaction { db -> [String] in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            return try String.fetchAll(db, sql: "PRAGMA integrity_check(10)")
        }
        try copy.close()
        guard verdict == ["ok"] else {
            throw StoreError.backupFailed(path: destination, reason: "the copy failed its integrity check: \(verdict.joined(separator: "; "))")
        }
    }

    /// The files a backup may leave under its temporary name.
    private static let backupSuffixes = ["", "-wal", "-shm", "-journal"]

    /// Removes the copies of backups to `name` that were killed before they could clean up
    /// (`.NAME.PID.UUID.backup` and its side files): abandoned when the process named in it is
    /// gone and no process holds its claim (see ``TemporaryFileClaim``). Copies named as older
    /// versions named them (`.NAME.backup-UUID`) do not say which process made them and are left.
    static func removeAbandonedBackups(in folder: String, name: String) {
        TemporaryFileClaim.sweep(in: folder, sides: backupSuffixes) { entry in
            TemporaryFileClaim.owner(of: entry, prefix: ".\(name).", sides: backupSuffixes) { kind in
                // `.` then a UUID then `.backup`.
                kind.count == 1 + 36 + 7 && kind.hasPrefix(".") && kind.hasSuffix(".backup")
                    && UUID(uuidString: String(kind.dropFirst().prefix(36))) != nil
            }
        }
    }

    private static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
