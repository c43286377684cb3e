#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a set of files when SIGINT, SIGTERM or SIGHUP arrives while it is installed, then lets
/// the signal kill the process as it would have (so a caller still sees exit status 130, 143 or
/// 129). A first write uses it so that Ctrl-C does not leave a hidden copy of an import behind;
/// SIGKILL cannot be caught, and what it leaves is swept by the next first write to the same name.
///
/// The handler only calls `unlink`, `sigaction` and `raise`, which are async-signal-safe: the
/// paths are made into C strings before it is installed. One is installed at a time per process.
final class InterruptionCleanup {
    /// The signals that remove the files: the ones a terminal, `kill` and a hang-up send.
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The actions that were in place before, restored by ``uninstall()``.
    private var previous: [sigaction] = []
    private var installed = false

    /// Installs the handler, which removes `paths` when one of ``signals`` arrives.
    init(removing paths: [String]) {
        // The handler reads only these globals; they are set before it is installed.
        let copies = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: paths.count)
        for (index, path) in paths.enumerated() { copies[index] = strdup(path) }
        cleanupPaths = copies
        cleanupPathCount = paths.count
        for signal in Self.signals {
            var action = signalAction(running: removeAndReraise)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
        installed = true
    }

    /// Puts back the actions that were in place before; call it once the files are renamed into
    /// place or removed, so that a later signal does not remove a file that is no longer partial.
    func uninstall() {
        guard installed else { return }
        installed = false
        for (signal, old) in zip(Self.signals, previous) {
            var old = old
            sigaction(signal, &old, nil)
        }
        // No handler can read the paths any more: the actions above replaced it.
        guard let copies = cleanupPaths else { return }
        for index in 0..<cleanupPathCount { free(copies[index]) }
        copies.deallocate()
        cleanupPaths = nil
        cleanupPathCount = 0
    }

    deinit { uninstall() }
}

/// The paths the handler removes; written only while no handler of ours is installed.
/// A raw buffer rather than an array, so that reading it in the handler touches no reference count.
nonisolated(unsafe) private var cleanupPaths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
/// How many paths ``cleanupPaths`` holds.
nonisolated(unsafe) private var cleanupPathCount = 0

/// Removes the files, restores the default action and sends the signal again, so the process ends
/// as the signal would have ended it.
private func removeAndReraise(_ signal: Int32) {
    if let paths = cleanupPaths {
        for index in 0..<cleanupPathCount { if let path = paths[index] { unlink(path) } }
    }
    var action = signalAction(running: SIG_DFL)
    sigaction(signal, &action, nil)
    // The signal is blocked while this handler runs; it is delivered when the handler returns.
    raise(signal)
}

/// An action that runs `handler` (a function, or `SIG_DFL`) with SIGINT, SIGTERM and SIGHUP
/// blocked while it runs, so that a second signal does not interrupt the removal. It only fills in
/// a struct, allocating nothing, so the handler may call it.
private func signalAction(running handler: (@convention(c) (Int32) -> Void)?) -> sigaction {
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    // One call each rather than a loop over an array, which could allocate inside the handler.
    sigaddset(&action.sa_mask, SIGINT)
    sigaddset(&action.sa_mask, SIGTERM)
    sigaddset(&action.sa_mask, SIGHUP)
    return action
}
