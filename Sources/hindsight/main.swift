import Foundation
import HindsightCLI

// The whole executable: run the command tree and exit with its status.
exit(CommandRunner.run(arguments: Array(CommandLine.arguments.dropFirst())))
