import Foundation
import HindsightCLI

// A write past a file size limit (ulimit -f) would otherwise kill the process with SIGXFSZ,
// silently and mid-transaction; ignored, the write fails and the user gets a message and exit 1.
signal(SIGXFSZ, SIG_IGN)
// A reader that closes the pipe early (`hindsight export | head`) would kill the process with
// SIGPIPE (exit 141, outside the command-line contract); ignored, the write fails with EPIPE and
// the command ends with exit 1.
signal(SIGPIPE, SIG_IGN)

// The whole executable: run the command tree and exit with its status.
exit(CommandRunner.runProcessArguments())
