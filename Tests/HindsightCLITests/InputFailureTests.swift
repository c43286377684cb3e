import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Standard input that cannot be read is named with the system's reason, the knowledge base and
/// the temporary folder are left as they were.
struct InputFailureTests {
    /// `import - < dir` failed on the read with exit 1 and "Is a directory", as if the system were
    /// at fault, while a named path that holds no interchange file is the input's fault: exit 65,
    /// a line that starts with the path. Standard input that is a directory is now refused the
    /// same way, listed with the problems of the other paths, and nothing is written.
    @Test(arguments: [false, true])
    func aDirectoryOnStandardInputIsTheInputsFault(intoExistingFile: Bool) throws {
        let (sandbox, demo) = try Sandbox.withDemo()
        let db = intoExistingFile ? demo : sandbox.file("new.sqlite")
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let empty = sandbox.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let before = FileManager.default.contents(atPath: db)
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" < /", Hindsight.binaryPath, "import", "--db", db, "-", empty],
                                       home: sandbox.path, environment: ["TMPDIR": temporary], binary: "/bin/sh")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            -: standard input is a directory, not an interchange file; to import the .yaml, .yml and .json files \
            in a directory, name it: hindsight import DIRECTORY
            \(empty): no .yaml, .yml or .json files in this directory

            """)
        #expect(FileManager.default.contents(atPath: db) == before)
        #expect(FileManager.default.fileExists(atPath: db) == intoExistingFile)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    /// `import -` with standard input closed (`<&-`) was told "Bad file descriptor": it is now
    /// told that standard input is closed and how to give the file instead, exit 65 as for a
    /// file that does not exist, and neither the knowledge base nor a new file is written.
    @Test(arguments: [false, true])
    func aClosedStandardInputIsNamedAsClosed(intoExistingFile: Bool) throws {
        let (sandbox, demo) = try Sandbox.withDemo()
        let db = intoExistingFile ? demo : sandbox.file("new.sqlite")
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let before = FileManager.default.contents(atPath: db)
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" <&-", Hindsight.binaryPath, "import", "--db", db, "-"],
                                       home: sandbox.path, environment: ["TMPDIR": temporary], binary: "/bin/sh")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: standard input is closed, so '-' has nothing to import; nothing was written
            give the file by name (hindsight import FILE) or pipe it in (hindsight import - < FILE, or COMMAND | hindsight import -)

            """)
        #expect(FileManager.default.contents(atPath: db) == before)
        #expect(FileManager.default.fileExists(atPath: db) == intoExistingFile)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    /// With standard input closed, a name that reopens it (`/dev/stdin`, `/proc/self/fd/0`, a
    /// link to one of them) reached the `/dev/null` that start-up puts in its place, and the
    /// import was refused as "the file holds no document". It now gets the refusal `import -`
    /// gets, naming the path, exit 65, and neither the knowledge base nor a new file is written.
    @Test(arguments: [("/dev/stdin", false), ("/proc/self/fd/0", true), ("link-to-stdin", false)])
    func aClosedStandardInputNamedAsAFileIsNamedAsClosed(name: String, intoExistingFile: Bool) throws {
        let (sandbox, demo) = try Sandbox.withDemo()
        let db = intoExistingFile ? demo : sandbox.file("new.sqlite")
        var path = name
        if !name.hasPrefix("/") {
            path = sandbox.file(name)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/stdin")
        }
        let before = FileManager.default.contents(atPath: db)
        let result = try Hindsight.run(["-c", "exec \"$0\" \"$@\" <&-", Hindsight.binaryPath, "import", "--db", db, path],
                                       home: sandbox.path, binary: "/bin/sh")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: standard input is closed, so '\(path)' has nothing to import; nothing was written
            give the file by name (hindsight import FILE) or pipe it in (hindsight import - < FILE, or COMMAND | hindsight import -)

            """)
        #expect(FileManager.default.contents(atPath: db) == before)
        #expect(FileManager.default.fileExists(atPath: db) == intoExistingFile)
    }

    /// Standard input open (here on an empty pipe), the same names are read as any pipe is.
    @Test func anOpenStandardInputNamedAsAFileIsRead() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("new.sqlite")
        let result = try Hindsight.run(["import", "--db", db, "/dev/stdin"], home: sandbox.path)
        #expect(result.status == 65)
        #expect(result.stderr == "/dev/stdin:1:1: the file holds no document; expected a mapping that starts with 'version: 1'\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A pipe named as a file (`/dev/stdin` here, `<(command)` in a shell) can be read only once.
    /// A flow-style YAML document is parsed whole, which opens the file a second time: the second
    /// reading found the pipe empty and refused a valid file as holding no document.
    @Test(arguments: [false, true])
    func aPipeNamedAsAFileIsImportedWhole(intoExistingFile: Bool) throws {
        let (sandbox, demo) = try Sandbox.withDemo()
        let db = intoExistingFile ? demo : sandbox.file("new.sqlite")
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let flowStyle = "{version: 1, services: [{id: piped-service, name: Piped Service, tier: 2}]}\n"
        let result = try Hindsight.run(["import", "--db", db, "/dev/stdin"], stdin: Data(flowStyle.utf8),
                                       home: sandbox.path, environment: ["TMPDIR": temporary])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("services: 1 added"))
        #expect(try SQLiteShell.query(db, "SELECT name FROM service WHERE id = 'piped-service'") == "Piped Service")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    /// Standard input is copied to a temporary file before the knowledge base is opened; an
    /// import killed while it copied (or after) left that copy, as large as its input, in the
    /// temporary folder for good. The copy's name is now removed as soon as it is made.
    @Test(.enabled(if: ProcessProbe.isAvailable))
    func aKilledImportOfStandardInputLeavesNoCopy() throws {
        let sandbox = try Sandbox()
        let temporary = sandbox.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hindsight.binaryPath)
        process.arguments = ["import", "--db", sandbox.file("new.sqlite"), "-"]
        process.environment = ["HOME": sandbox.path, "XDG_DATA_HOME": sandbox.path + "/data", "PATH": "/usr/bin:/bin",
                               "TMPDIR": temporary]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Part of the input, the pipe left open: the import is still copying when it is killed. It is
        // killed once its copy in the temporary folder holds all that was written, so the copy was
        // made and the import waits for the rest, rather than not having started copying yet.
        let part = Data(DamagedFileTests.incident.utf8)
        input.fileHandleForWriting.write(part)
        let folder = URL(fileURLWithPath: temporary).resolvingSymlinksInPath().path
        let wasCopying = ProcessProbe.waitUntil(process) {
            ProcessProbe.removedOpenFiles(pid: process.processIdentifier).contains {
                ($0.path as NSString).deletingLastPathComponent == folder && $0.size == part.count
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(wasCopying, "the import was not seen waiting with a copy of what it was given in the temporary folder")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("new.sqlite")))
    }

    /// A folder of postmortems: `a.yaml`, a link to a folder holding `c.yaml` and a link from a
    /// folder below back up to the first. A folder that a link leads to is read (once, however
    /// many links lead to it); a link named like an interchange file that leads nowhere was
    /// skipped without a word, and is now a problem naming where it leads, with nothing written.
    @Test func linksInAFolderAreFollowedAndOneThatLeadsNowhereIsAProblem() throws {
        let sandbox = try Sandbox()
        let fileManager = FileManager.default
        let folder = sandbox.file("postmortems")
        try fileManager.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: sandbox.file("shared"), withIntermediateDirectories: false)
        try sandbox.write("postmortems/a.yaml", "version: 1\nservices:\n  - {id: a, name: A}\n")
        try sandbox.write("shared/c.yaml", "version: 1\nservices:\n  - {id: c, name: C}\n")
        try fileManager.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "../shared")
        try fileManager.createSymbolicLink(atPath: folder + "/inner/up", withDestinationPath: "..")
        try fileManager.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: sandbox.file("gone/b.yaml"))
        let db = sandbox.file("kb.sqlite")

        let refused = try sandbox.run("import", "--db", db, folder)
        #expect(refused.status == 65)
        #expect(refused.stderr == "\(folder)/b.yaml: a symbolic link to \(sandbox.file("gone/b.yaml")), which cannot be read "
                + "(No such file or directory)\n")
        #expect(!fileManager.fileExists(atPath: db))

        try fileManager.removeItem(atPath: folder + "/b.yaml")
        let imported = try sandbox.run("import", "--db", db, folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("services: 2 added"), "\(imported.stdout)")
    }

    /// A folder that cannot be listed was reported as holding no interchange files, which sent
    /// the user looking for files that were there. It is named with the system's reason.
    @Test func aFolderThatCannotBeListedIsNamedWithTheReason() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.file("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try sandbox.write("locked/a.yaml", "version: 1\nservices:\n  - {id: a, name: A}\n")
        let result: BinaryResult
        if geteuid() == 0 {
            // Root lists any folder: run as nobody instead, a copy of the binary where nobody can
            // reach it, the folder root's own and closed to others.
            let binary = sandbox.file("hindsight")
            try FileManager.default.copyItem(atPath: Hindsight.binaryPath, toPath: binary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
            result = try Hindsight.run(["--reuid", "65534", "--regid", "65534", "--clear-groups", binary, "import",
                                        "--db", sandbox.file("kb.sqlite"), folder],
                                       home: sandbox.path, binary: "/usr/bin/setpriv")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder) }
            result = try sandbox.run("import", "--db", sandbox.file("kb.sqlite"), folder)
        }
        #expect(result.status == 65)
        #expect(result.stderr == "\(folder): this folder cannot be read (Permission denied)\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("kb.sqlite")))
    }
}
