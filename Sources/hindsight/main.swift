import Foundation
import HindsightCLI

// A write past a file size limit (ulimit -f) would otherwise kill the process with SIGXFSZ,
// silently and mid-transaction; ignored, the write fails and the user gets a message and exit 1.
signal(SIGXFSZ, SIG_IGN)

// The whole executable: run the command tree and exit with its status.
exit(CommandRunner.runProcessArguments())
