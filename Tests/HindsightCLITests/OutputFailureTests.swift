import Foundation
import Testing

/// A result that cannot be written (standard output on a full disk) ends the command with exit 1
/// and a message on standard error, never a trap.
struct OutputFailureTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"),
          arguments: [["incidents"], ["report", "--year", "2019"], ["export"], ["incident", "show", "2023-05-16-url-shortener-json-load"],
                      ["generate", "--incidents", "5"], ["--help"], ["--version"]])
    func aFullDiskIsReportedWithExit1(command: [String]) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let arguments = command.first == "generate" || command.first?.hasPrefix("--") == true ? command : command + ["--db", db]
        // The shell points the binary's standard output at /dev/full, where every write fails with ENOSPC.
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" > /dev/full", Hindsight.binaryPath] + arguments,
                                       home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: could not write to standard output: "), "\(command): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(command)")
    }
}
