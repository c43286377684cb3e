import Foundation
import Testing

/// A result that cannot be written (standard output on a full disk, or a pipe closed early) ends
/// the command with exit 1, never a trap or a signal.
struct OutputFailureTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"),
          arguments: [["incidents"], ["incidents", "--format", "markdown"], ["actions", "--format", "csv"], ["report", "--year", "2019"], ["export"], ["incident", "show", "2023-05-16-url-shortener-json-load"],
                      ["generate", "--incidents", "5"], ["--help"], ["--version"]])
    func aFullDiskIsReportedWithExit1(command: [String]) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let arguments = command.first == "generate" || command.first?.hasPrefix("--") == true ? command : command + ["--db", db]
        // The shell points the binary's standard output at /dev/full, where every write fails with ENOSPC.
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" > /dev/full", Hindsight.binaryPath] + arguments,
                                       home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 1, "\(command): \(result.stderr)")
        // The system's words, not Foundation's "The operation could not be completed".
        #expect(result.stderr == "error: could not write to standard output: No space left on device\n", "\(command): \(result.stderr)")
    }

    /// A command that saved a change and then could not print its confirmation says the change
    /// was saved, so that a script seeing exit 1 does not take it for "nothing happened" (run
    /// again, `action done` would be refused as already done). One that changed nothing says
    /// only that the output failed.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aSavedChangeWhoseConfirmationIsLostSaysItWasSaved() throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let file = try sandbox.write("more.yaml", """
            version: 1
            services:
              - {id: extra, name: Extra}
            """)
        let action = "2023-05-16-url-shortener-json-load/smoke-test-every-release"
        #expect(try sandbox.run("action", "add", "--db", db, "2023-05-16-url-shortener-json-load", "--title", "Smoke-test every release",
                                "--kind", "prevent").status == 0)
        let failure = "error: could not write to standard output: No space left on device"
        for (arguments, message) in [(["import", file], failure + " (the import was saved all the same)\n"),
                                     (["import", file], failure + "\n"),
                                     (["action", "done", action], failure + " (the change was saved all the same)\n"),
                                     (["action", "update", action, "--status", "done"], failure + "\n")] {
            let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" > /dev/full", Hindsight.binaryPath] + arguments + ["--db", db],
                                           home: sandbox.path, binary: "/bin/sh")
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try sandbox.run("services", "--db", db, "--format", "csv").quietOutput().contains("\r\nextra,"))
        let done = try sandbox.run("action", "show", "--db", db, action, "--format", "json").quietOutput()
        #expect(done.contains("\"status\": \"done\""), "\(done)")
    }

    /// A reader that stops early (`| head -c 1`) closes the pipe while a long output is still
    /// being written: exit 1, as for any output that cannot be written, without a message for
    /// a reader that stopped on purpose, and not the signal SIGPIPE (exit 141).
    @Test(arguments: [["export"], ["incidents", "--format", "json"], ["incidents"], ["actions", "--format", "csv"],
                      ["generate", "--incidents", "2000"]])
    func aPipeClosedEarlyEndsWithExit1AndNoMessage(command: [String]) throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        if command.first != "generate" {
            // Output well past a pipe's 64 KiB buffer, so that writing is still going on when the reader leaves.
            let history = try sandbox.run("generate", "--incidents", "400")
            #expect(history.succeededQuietly, "\(history)")
            try sandbox.write("history.json", history.stdout)
            #expect(try sandbox.run("import", "--db", db, sandbox.file("history.json")).status == 0)
        }
        let arguments = command.first == "generate" ? command : command + ["--db", db]
        let result = try Hindsight.run(["-c", "\"$0\" \"$@\" | head -c 1 > /dev/null; exit ${PIPESTATUS[0]}", Hindsight.binaryPath] + arguments,
                                       home: sandbox.path, binary: "/bin/bash")
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stderr == "", "\(command)")
    }

    /// With standard output closed (`>&-`) the summary could not be printed, and the number 1
    /// would go to the next file opened, which the summary would then be written to: the command
    /// is refused before it does anything, exit 1, with what to do instead.
    @Test(arguments: [["import"], ["action", "add", "2023-05-16-url-shortener-json-load", "--title", "Load-test", "--kind", "prevent"]])
    func aClosedStandardOutputIsRefusedBeforeAnythingIsDone(command: [String]) throws {
        let (sandbox, db) = try Sandbox.withDemo()
        let file = try sandbox.write("more.yaml", """
            version: 1
            services:
              - {id: extra, name: Extra}
            """)
        let arguments = command + (command == ["import"] ? [file] : []) + ["--db", db]
        let before = try sandbox.run("export", "--db", db).quietOutput()
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" >&-", Hindsight.binaryPath] + arguments,
                                       home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stderr == """
            error: standard output is closed, so the results could not be printed; nothing was done
            give hindsight a standard output: a file, a pipe, or > /dev/null to discard the results

            """)
        #expect(try sandbox.run("export", "--db", db).quietOutput() == before)
        // Discarding the results the way the message says does the work.
        let discarded = try Hindsight.run(["-c", "exec \"$0\" \"$@\" > /dev/null", Hindsight.binaryPath] + arguments,
                                          home: sandbox.path, binary: "/bin/sh")
        #expect(discarded.status == 0, "\(command): \(discarded.stderr)")
        #expect(try sandbox.run("export", "--db", db).quietOutput() != before)
    }
}
