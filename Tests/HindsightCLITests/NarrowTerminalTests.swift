import Foundation
import Testing

/// Help asked for on a terminal too narrow for the argument parser's layout is laid out at the
/// narrowest width help has, 40 columns, and with a `COLUMNS` that is no width at all as without
/// one, rather than stopping the parser (a crash with a backtrace in a debug build, every option's
/// description dropped in a release one).
struct NarrowTerminalTests {
    /// The help of every command at `COLUMNS` of 1 and 26 (the parser's column of option names,
    /// which leaves its descriptions no room) is the help at 40, and says what each option is for;
    /// at 0 or below 0, which are no width, it is the help without `COLUMNS` (80 columns, as
    /// standard output is a pipe).
    @Test(arguments: HelpTextTests.commands)
    func helpAtTooNarrowAWidthIsTheNarrowestHelp(path: [String]) throws {
        let sandbox = try Sandbox()
        let narrowest = try Hindsight.run(path + ["--help"], home: sandbox.path, environment: ["COLUMNS": "40"]).quietOutput()
        #expect(narrowest.hasPrefix("OVERVIEW: "), "\(path)")
        // The descriptions are there: `-h, --help` has one in every command, wrapped at 40 columns.
        let squeezed = narrowest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(squeezed.contains("-h, --help Show help information."), "\(path): \(narrowest)")
        // An empty COLUMNS is no width for the parser either, so this is the pipe's 80 columns.
        let unset = try Hindsight.run(path + ["--help"], home: sandbox.path, environment: ["COLUMNS": ""]).quietOutput()
        for (columns, expected) in [("1", narrowest), ("26", narrowest), ("0", unset), ("-3", unset)] {
            let help = try Hindsight.run(path + ["--help"], home: sandbox.path, environment: ["COLUMNS": columns])
            #expect(help.succeededQuietly, "\(path) at COLUMNS=\(columns): \(help)")
            #expect(help.stdout == expected, "\(path) at COLUMNS=\(columns): \(help.stdout)")
        }
    }

    /// On a real terminal 20 columns wide, with no `COLUMNS` to say so, the help is the help at 40.
    @Test func helpOnATwentyColumnTerminal() throws {
        let sandbox = try Sandbox()
        let narrowest = try Hindsight.run(["report", "--help"], home: sandbox.path, environment: ["COLUMNS": "40"]).quietOutput()
        let (status, shown) = try Self.runOnTerminal(["report", "--help"], columns: 20, home: sandbox.path)
        #expect(status == 0, "\(shown)")
        // The terminal writes each line break as CR LF.
        #expect(shown.replacingOccurrences(of: "\r\n", with: "\n") == narrowest, "\(shown)")
    }

    /// Runs the binary with a pseudo-terminal `columns` wide as its standard output and error and
    /// without `COLUMNS`, so that it finds the width by asking the terminal; returns the exit
    /// status and everything the terminal showed.
    static func runOnTerminal(_ arguments: [String], columns: UInt16, home: String) throws -> (Int32, String) {
        // posix_openpt and its kin are hidden from Swift by the C library's headers, so this is what
        // they do: open the multiplexer, unlock the new terminal and ask for its number. The request
        // codes are _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int), which Swift cannot import.
        let primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(primary >= 0, "no pseudo-terminal: errno \(errno)")
        defer { close(primary) }
        var locked: Int32 = 0, number: UInt32 = 0
        try #require(ioctl(primary, UInt(0x4004_5431), &locked) == 0 && ioctl(primary, UInt(0x8004_5430), &number) == 0,
                     "cannot unlock the pseudo-terminal: errno \(errno)")
        let name = "/dev/pts/\(number)"
        let secondary = open(name, O_RDWR | O_NOCTTY)
        try #require(secondary >= 0, "cannot open \(name): errno \(errno)")
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(secondary, UInt(TIOCSWINSZ), &size) == 0, "cannot size \(name): errno \(errno)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hindsight.binaryPath)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment.removeValue(forKey: "HINDSIGHT_DB")
        environment.removeValue(forKey: "COLUMNS")
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        // Only the child holds the terminal now, so reading ends (EIO) once it has exited.
        close(secondary)
        var shown = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }
            shown.append(contentsOf: buffer[0..<count])
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: shown, as: UTF8.self))
    }
}
