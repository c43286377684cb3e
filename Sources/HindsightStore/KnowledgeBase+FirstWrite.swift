import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension KnowledgeBase {
    /// Runs `body` with the knowledge base at `path` opened for writing.
    ///
    /// When the file does not exist yet it is built under a temporary name in the same folder and
    /// linked into place only when `body` returns, so that a failed first write (an import with a
    /// problem found halfway through a long file) leaves no file, and no folder it created, behind.
    /// When another process creates the file meanwhile, the temporary one is dropped and `body`
    /// runs again on the file that now exists, so `body` must be repeatable (an import is: it
    /// reads its files again). While `body` writes the temporary file, it has a rollback journal
    /// rather than a write-ahead log; the file is in WAL mode again before it is linked.
    ///
    /// When `path` is a symbolic link that leads nowhere yet, the file is made where it leads (as
    /// SQLite would make it), and the link is left as it is.
    /// - Throws: what opening and `body` throw.
    public static func writing<Result>(at path: String, _ body: (KnowledgeBase) throws -> Result) throws -> Result {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            return try body(try open(at: path, access: .readWrite))
        }
        // The temporary file, the lock and the new name all belong where the links lead.
        let resolvedPath = try resolve(path)
        let folder = ContainingFolder.of(resolvedPath)
        // Checked under the name the user gave, not the temporary one.
        let createdFolders = try prepareFolder(for: path, resolvedPath: resolvedPath)
        let name = (resolvedPath as NSString).lastPathComponent
        removeAbandonedPartials(in: folder, name: name)
        let partial = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).partial"
        // Held while the file is built, so that another process's sweep leaves it alone; taken
        // before SQLite makes the file, and let go only after every file of it is removed.
        let claim = TemporaryFileClaim(on: partial)
        defer { withExtendedLifetime(claim) {} }
        // Ctrl-C, kill or a hang-up mid-import would otherwise leave the hidden copy until the next
        // first write to this name sweeps it; SIGKILL still does.
        let interruption = InterruptionCleanup(removing: (partialSuffixes + [TemporaryFileClaim.suffix]).map { partial + $0 })
        defer { interruption.uninstall() }
        func removePartial() {
            for suffix in partialSuffixes { unlink(partial + suffix) }
            claim?.release()
            interruption.uninstall()
        }
        let result: Result
        var knowledgeBase: KnowledgeBase?
        do {
            let opened = try open(at: partial, access: .readWrite)
            knowledgeBase = opened
            // No other process can know the temporary file, and a failure discards it: the first
            // write needs no write-ahead log, which would write every page twice (once to the log,
            // once more at the checkpoint). A rollback journal holds only the pages that existed
            // before, a few for a new file, and lets a refused import roll back; WAL, which the
            // file records, is set again after.
            try opened.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            result = try body(opened)
            try opened.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try opened.close()
        } catch {
            try? knowledgeBase?.close()
            removePartial()
            removeFolders(createdFolders)
            throw error
        }
        // link() refuses to replace a file, unlike rename(): a database that appeared meanwhile wins.
        // Under the lock every opening takes, so that left-over side files of a deleted database of
        // this name can be removed before the new file is paired with them.
        var failure: Int32 = 0
        do {
            let lock = MigrationLock(path: resolvedPath + ".lock")
            defer { withExtendedLifetime(lock) {} }
            OrphanedSideFiles.remove(besideMissing: resolvedPath)
            if link(partial, resolvedPath) != 0 { failure = errno }
        }
        guard failure == 0 else {
            removePartial()
            if failure == EEXIST { return try body(try open(at: path, access: .readWrite)) }
            removeFolders(createdFolders)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                          NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)])
        }
        removePartial()
        // The new name must survive a power cut as the data does: sync the folder that holds it.
        if let problem = FileSync.sync(folder.isEmpty ? "." : folder) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey:
                "\(path) is written but its folder could not be synced, so a power cut may still lose it: \(problem)"])
        }
        return result
    }

    /// The files a first write may leave under its temporary name.
    private static let partialSuffixes = ["", "-wal", "-shm", "-journal", ".lock"]

    /// Removes the temporary files of first writes to `name` that were killed before they could
    /// clean up (`.NAME.PID.partial`, its side files and its claim): an interrupted import of a
    /// large history would otherwise leave a hidden copy of most of it for good. A temporary file
    /// is abandoned when the process named in it is gone and no process holds its claim (see
    /// ``TemporaryFileClaim``).
    static func removeAbandonedPartials(in folder: String, name: String) {
        TemporaryFileClaim.sweep(in: folder, sides: partialSuffixes) { entry in
            TemporaryFileClaim.owner(of: entry, prefix: ".\(name).", sides: partialSuffixes) { $0 == ".partial" }
        }
    }
}
