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
    /// reads its files again).
    /// - Throws: what opening and `body` throw.
    public static func writing<Result>(at path: String, _ body: (KnowledgeBase) throws -> Result) throws -> Result {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            return try body(try open(at: path, access: .readWrite))
        }
        let folder = (path as NSString).deletingLastPathComponent
        let createdFolder = !folder.isEmpty && !fileManager.fileExists(atPath: folder)
        let name = (path as NSString).lastPathComponent
        let partial = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).partial"
        func removePartial() {
            for suffix in ["", "-wal", "-shm", "-journal", ".lock"] { unlink(partial + suffix) }
        }
        let result: Result
        var knowledgeBase: KnowledgeBase?
        do {
            let opened = try open(at: partial, access: .readWrite)
            knowledgeBase = opened
            result = try body(opened)
            try opened.close()
        } catch {
            try? knowledgeBase?.close()
            removePartial()
            if createdFolder { rmdir(folder) }
            throw error
        }
        // link() refuses to replace a file, unlike rename(): a database that appeared meanwhile wins.
        guard link(partial, path) == 0 else {
            let failure = errno
            removePartial()
            if failure == EEXIST { return try body(try open(at: path, access: .readWrite)) }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                          NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)])
        }
        removePartial()
        return result
    }
}
