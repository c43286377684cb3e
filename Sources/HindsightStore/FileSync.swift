import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fsync` on a file or folder by path, for writes that must survive a power cut.
enum FileSync {
    /// Syncs `path` (a file, or a folder so that a new name in it is durable); on failure,
    /// returns the system's reason.
    static func sync(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { return "cannot sync \(path): \(String(cString: strerror(errno)))" }
        return nil
    }
}
