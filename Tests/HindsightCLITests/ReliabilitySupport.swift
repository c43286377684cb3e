import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Switches for the reliability tests that take minutes: `HINDSIGHT_LONG_TESTS=1` (set by CI)
/// runs them at full size; otherwise a short version of each runs, so every path stays exercised.
enum LongTests {
    static let enabled = ProcessInfo.processInfo.environment["HINDSIGHT_LONG_TESTS"] == "1"

    /// `long` under `HINDSIGHT_LONG_TESTS=1`, else `short`.
    static func size(short: Int, long: Int) -> Int { enabled ? long : short }
}

/// Asks the `sqlite3` shell about a database file: an independent witness that does not go
/// through hindsight's own code.
enum SQLiteShell {
    /// The shell's output for `sql`, trimmed, or its error text.
    static func query(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", db, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `integrity_check` and `foreign_key_check` together: `"ok"` when both are clean.
    static func health(_ db: String) throws -> String {
        let integrity = try query(db, "PRAGMA integrity_check")
        let foreignKeys = try query(db, "PRAGMA foreign_key_check")
        return integrity == "ok" && foreignKeys.isEmpty ? "ok" : "integrity: \(integrity); foreign keys: \(foreignKeys)"
    }

    /// `SELECT count(*) FROM table`.
    static func count(_ db: String, _ table: String) throws -> Int {
        let text = try query(db, "SELECT count(*) FROM \(table)")
        guard let value = Int(text) else { throw Unexpected(text: text) }
        return value
    }

    struct Unexpected: Error { let text: String }
}

/// Runs `count` bodies at once on their own threads (not GCD's pool, which on a 2-core machine
/// would run only two of them together) and waits for all of them.
enum Simultaneously {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                body(index)
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}

/// Results written from several threads, each to its own slot.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value]

    init(count: Int, initial: Value) { slots = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func update(_ index: Int, _ change: (inout Value) -> Void) {
        lock.lock()
        change(&slots[index])
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// A small tmpfs mounted for one test (disk full, read-only media), unmounted afterwards. Needs
/// root and a kernel that allows the mount; ``available`` says whether this machine does.
final class ScratchMount {
    let path: String

    /// Whether tmpfs can be mounted here: probed once by mounting and unmounting one.
    static let available: Bool = {
        guard geteuid() == 0, let probe = try? ScratchMount(megabytes: 1) else { return false }
        _ = probe
        return true
    }()

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "hindsight-mount-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
    }

    /// Changes the size limit (`remount,size=`) or makes it read-only (`remount,ro`).
    func remount(_ options: String) throws { try Self.mount(["-o", "remount,\(options)", path]) }

    private static func mount(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["mount"] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MountFailed(arguments: arguments) }
    }

    struct MountFailed: Error { let arguments: [String] }

    deinit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["umount", path]
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }
}
