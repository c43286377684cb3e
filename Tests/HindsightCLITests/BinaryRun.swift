import Foundation
import Testing

/// The result of running the built `hindsight` binary.
struct BinaryResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Exit 0 with nothing on standard error: what a command that worked gives, so that a test
    /// reading its output also notices it failing or warning after printing.
    var succeededQuietly: Bool { status == 0 && stderr.isEmpty }

    /// Standard output of a run the test relies on having worked: the test stops at the caller's
    /// line unless the run succeeded quietly, so that output compared with other output (an export
    /// before and after, say) cannot match only because the command failed both times.
    func quietOutput(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(succeededQuietly, "\(self)", sourceLocation: sourceLocation)
        return stdout
    }

    /// The exit status and standard error, for the message of a failed expectation.
    var description: String { "exit \(status), standard error: \(stderr.debugDescription)" }
}

/// Runs the `hindsight` binary that `swift test` built, as a user would: a separate process with
/// its own environment, standard input, output and error.
enum Hindsight {
    /// The binary beside the test bundle (both live in the build products folder).
    static var binaryPath: String {
        #if os(Linux)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        let executable = Bundle.main.bundleURL
        #endif
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("hindsight").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ProcessInfo.processInfo.environment["HINDSIGHT_BINARY"] ?? "hindsight"
    }

    /// Runs `hindsight arguments…` with `stdin` as standard input, in `directory` when given, with
    /// HOME and XDG_DATA_HOME pointed into `home` so that nothing touches the real user's files.
    static func run(_ arguments: [String], stdin: Data = Data(), home: String, directory: String? = nil,
                    environment extra: [String: String] = [:], binary: String = binaryPath) throws -> BinaryResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment.removeValue(forKey: "HINDSIGHT_DB")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting: a child that fills a pipe would otherwise block forever.
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData.data = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData.data = error.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(stdin)
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return BinaryResult(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                            stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// Bytes read on another thread; the group's wait orders the write before the read.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}

/// A fresh folder for one test, removed afterwards.
final class Sandbox {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "hindsight-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` in the sandbox and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Runs the binary with HOME set to this sandbox.
    func run(_ arguments: String..., stdin: String = "") throws -> BinaryResult {
        try Hindsight.run(arguments, stdin: Data(stdin.utf8), home: path)
    }

    /// The bytes of a file, or nil when it does not exist (for "nothing was written" checks).
    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: file(name)) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Sandbox {
    /// A fresh sandbox holding the demo knowledge base built from the seed postmortems, and the
    /// path of that database.
    static func withDemo() throws -> (sandbox: Sandbox, db: String) {
        let sandbox = try Sandbox()
        let db = sandbox.file("demo.sqlite")
        let result = try sandbox.run("demo", "--db", db)
        guard result.status == 0 else { throw DemoFailed(stderr: result.stderr) }
        return (sandbox, db)
    }

    /// The demo could not be built, so the tests that use it cannot run.
    struct DemoFailed: Error { let stderr: String }
}
