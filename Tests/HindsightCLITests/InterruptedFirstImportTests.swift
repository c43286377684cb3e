import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP during the first import into a new path: the hidden temporary file
/// and its side files are removed, and the process still dies of the signal, so that a shell sees
/// the interruption (exit status 130, 143, 129).
struct InterruptedFirstImportTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aCaughtSignalRemovesThePartialFileAndStillKills(signal: Int32) throws {
        let sandbox = try Sandbox()
        let generated = try sandbox.run("generate", "--incidents", "2000", "--seed", "3")
        try #require(generated.status == 0)
        let file = try sandbox.write("history.json", generated.stdout)
        let folder = sandbox.file("new")
        let pid = try spawnAsFromAShell(["import", "--db", folder + "/kb.sqlite", file], home: sandbox.path)
        // The signal is sent once the temporary file exists, so it always lands mid-import rather
        // than before the handler is installed; a 2 000-incident import takes far longer than a poll.
        let deadline = Date().addingTimeInterval(30)
        var partialSeen = false
        while !partialSeen && Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            partialSeen = entries.contains { $0.hasSuffix(".partial") }
            if !partialSeen { usleep(2_000) }
        }
        try #require(partialSeen, "the import never made its temporary file")
        kill(pid, signal)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}

        // Killed by the signal (WIFSIGNALED, WTERMSIG), as a shell reports with 128 + its number.
        #expect(status & 0x7f == signal, "wait status \(status)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(left.filter { $0.hasPrefix(".") } == [], "hidden files left behind: \(left)")
        #expect(!left.contains("kb.sqlite"))
    }

    /// Starts hindsight with `arguments` as a shell would: every signal unblocked and at its
    /// default action. The test runner blocks SIGINT, SIGTERM and SIGHUP on its threads, and a
    /// child started through `Process` would inherit that mask and never see the signal.
    private func spawnAsFromAShell(_ arguments: [String], home: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argumentTexts: [String] = [Hindsight.binaryPath] + arguments
        let environmentTexts: [String] = ["HOME=" + home, "XDG_DATA_HOME=" + home + "/data", "PATH=/usr/bin:/bin"]
        let argv: [UnsafeMutablePointer<CChar>?] = argumentTexts.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environmentTexts.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, Hindsight.binaryPath, &actions, &attributes, argv, envp)
        try #require(failure == 0, "posix_spawn failed: \(failure)")
        return pid
    }
}
