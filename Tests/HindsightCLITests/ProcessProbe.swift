import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a running child process is doing, read from Linux's /proc: a test sees the binary blocked
/// where it should be, where a pause followed by "still running?" also passes for a binary that is
/// only slow on a loaded machine.
enum ProcessProbe {
    /// Whether this system has the /proc files the probes read; the tests that need them are
    /// skipped without.
    static var isAvailable: Bool {
        FileManager.default.isReadableFile(atPath: "/proc/locks") && FileManager.default.fileExists(atPath: "/proc/self/fd")
    }

    /// Checks `condition` every 10 ms until it holds (true), `process` has ended or `seconds` have
    /// passed (false). The deadline only ends the wait for a binary that never gets there; one
    /// that does ends it as soon as it is seen.
    static func waitUntil(_ process: Process, seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if !process.isRunning || Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }

    /// Whether process `pid` is blocked in `flock` on the file at `path`: /proc/locks lists such a
    /// request, queued behind a lock another holds, with "->" before it.
    static func isWaitingForFlock(pid: Int32, onFileAt path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return false
        }
        return locks.split(separator: "\n").contains { line in
            // "1: -> FLOCK  ADVISORY  WRITE <pid> <major>:<minor>:<inode> 0 EOF"
            let fields = line.split(separator: " ")
            return fields.count >= 7 && fields[1] == "->" && fields[2] == "FLOCK" && fields[5] == "\(pid)"
                && fields[6].split(separator: ":").last == "\(status.st_ino)"
        }
    }

    /// The files process `pid` holds open whose names have been removed: the path each had, and
    /// the bytes it holds now.
    static func removedOpenFiles(pid: Int32) -> [(path: String, size: Int)] {
        let folder = "/proc/\(pid)/fd"
        let removed = " (deleted)"
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return descriptors.compactMap { descriptor in
            let link = folder + "/" + descriptor
            var status = stat()
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link), target.hasSuffix(removed),
                  stat(link, &status) == 0 else { return nil }
            return (String(target.dropLast(removed.count)), Int(status.st_size))
        }
    }
}
