import Foundation
import HindsightCore
import HindsightStore

/// Reads the files an import names: files as given, directories recursively in name order (their
/// `.yaml`, `.yml` and `.json` files), `-` for standard input. Each file is read in chunks and
/// decoded record by record, and the problems of every file are collected, so that one run
/// reports everything without holding any file whole.
enum InterchangeInput {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// How much of a file is read at a time.
    static let chunkSize = 1 << 20

    /// One file to read: the name it is reported under and where its bytes are.
    struct Source {
        /// Where the bytes of a source are.
        enum Location {
            /// A file, read by its name.
            case file(String)
            /// A copy of input that can be read only once, open at this descriptor. The copy has
            /// no name: it was removed as soon as it was made, so that it goes with the process,
            /// even one that is killed.
            case copy(Int32)
        }

        let name: String
        let location: Location
    }

    /// Runs `body` with the files `paths` name, checked to exist and be readable. Standard input,
    /// and any named path that is not a regular file (a pipe such as `<(command)` or
    /// `/dev/stdin`, a FIFO, a device), is first copied to a temporary file: such input can be
    /// read only once, but a file may be read again (a whole parse, or a first import that runs
    /// again on a file another process created meanwhile), and reading it while the import holds
    /// the write lock would keep every other writer waiting on the input. The copies have no name
    /// (see ``Source/Location/copy(_:)``) and are closed afterwards.
    ///
    /// A path that is missing, unreadable or an empty directory stops the run before `body`, but
    /// the files that can be read are still decoded, so that the one message lists every problem
    /// of the run (the rules that need the knowledge base, such as references, are not checked).
    /// - Throws: ``CLIError`` (exit 65) with those problems, in the order of `paths`.
    static func withSources<Result>(_ paths: [String], _ body: ([Source]) throws -> Result) throws -> Result {
        var standardInputCopy: Int32?
        var copies: [Int32] = []
        defer { for copy in copies { close(copy) } }
        var sources: [Source] = []
        // Each refusal keeps its lines: joined, a hint's line break would be escaped as part of one problem.
        var unusable: [(index: Int, lines: [String])] = []
        for path in paths {
            if path == "-" {
                // Input that is not there or not a file is reported with the other unusable paths.
                do {
                    let copy = try standardInputCopy ?? spoolStandardInput()
                    if standardInputCopy == nil { copies.append(copy) }
                    standardInputCopy = copy
                    sources.append(Source(name: "-", location: .copy(copy)))
                } catch let error as CLIError where error.code == .dataError {
                    unusable.append((sources.count, error.lines))
                }
            } else {
                do {
                    if StandardStreams.closedAtStart.contains(STDIN_FILENO) && StandardStreams.namesStandardInput(path) {
                        throw StandardStreams.closedInput(path)
                    }
                    let listed = try files(path)
                    for (name, file) in listed.found {
                        guard !isRegularFile(file) else { sources.append(Source(name: name, location: .file(file))); continue }
                        let copy = try spoolFile(file)
                        copies.append(copy)
                        sources.append(Source(name: name, location: .copy(copy)))
                    }
                    if !listed.problems.isEmpty { unusable.append((sources.count, listed.problems)) }
                } catch let error as CLIError where error.code == .dataError {
                    unusable.append((sources.count, error.lines))
                }
            }
        }
        guard unusable.isEmpty else {
            var lines: [String] = []
            for (position, source) in sources.enumerated() {
                lines += unusable.filter { $0.index == position }.flatMap(\.lines)
                lines += try InterchangeStreamDecoder.decode(file: source.name, open: { try chunks(of: source) },
                                                             each: { _ in }).map(\.description)
            }
            lines += unusable.filter { $0.index == sources.count }.flatMap(\.lines)
            throw CLIError(.dataError, lines)
        }
        return try body(sources)
    }

    /// Decodes every source, calling `each` with each valid record in order, on the calling thread.
    ///
    /// The files are read and decoded on a thread of their own while `each` runs, so that an
    /// import parses the next records while it writes the last ones.
    /// - Returns: the findings of all sources, in order; without problems when all are valid.
    static func decode(_ sources: [Source], each: (InterchangeRecord) throws -> Void) throws -> DecodingFindings {
        try OrderedHandOff.run(produce: { yield in
            var findings = DecodingFindings()
            for source in sources {
                findings.append(try InterchangeStreamDecoder.decodeFindings(file: source.name,
                                                                            open: { try chunks(of: source) },
                                                                            each: yield))
            }
            return findings
        }, consume: each)
    }

    private static func chunks(of source: Source) throws -> InterchangeStreamDecoder.ChunkReader {
        let path: String
        switch source.location {
        case .file(let file): path = file
        case .copy(let descriptor): return chunks(ofCopy: descriptor, name: source.name)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError(.dataError, "\(source.name): cannot be read (permission denied?)")
        }
        return {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                try? handle.close()
                throw CLIError(.failure, "error: \(source.name): could not be read: \(SystemErrorText.reason(error))")
            }
            guard let data, !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    /// Reads a copy from its start, with pread(2), so that each reading of it has its own offset.
    private static func chunks(ofCopy descriptor: Int32, name: String) -> InterchangeStreamDecoder.ChunkReader {
        var offset: off_t = 0
        return {
            var buffer = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else {
                    throw CLIError(.failure, "error: \(name): could not be read: \(String(cString: strerror(errno)))")
                }
                guard count > 0 else { return nil }
                offset += off_t(count)
                buffer.removeSubrange(count...)
                return buffer
            }
        }
    }

    /// Whether `path` names a regular file (after symbolic links), which can be read again.
    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Copies standard input to a temporary file, refusing a directory there (`import - < dir`) as
    /// the input's fault, as a named path that holds no interchange file is, rather than failing
    /// on the read with "Is a directory".
    private static func spoolStandardInput() throws -> Int32 {
        var status = stat()
        if fstat(STDIN_FILENO, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError(.dataError, "-: standard input is a directory, not an interchange file; "
                           + "to import the .yaml, .yml and .json files in a directory, name it: hindsight import DIRECTORY")
        }
        return try spool(STDIN_FILENO, name: "standard input")
    }

    /// Copies a file that can be read only once (a pipe, a FIFO, a device) to a temporary file.
    private static func spoolFile(_ path: String) throws -> Int32 {
        // O_NONBLOCK would make a FIFO without a writer read as empty; wait for the writer, as cat does.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError(.dataError, "\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        return try spool(descriptor, name: path)
    }

    /// Copies everything `descriptor` gives until its end to a new temporary file and returns
    /// the copy's descriptor; `name` is what the messages call the input. The file's name is
    /// removed as soon as it is made: a copy of a large input killed half-way would otherwise
    /// stay in the temporary folder for good.
    private static func spool(_ descriptor: Int32, name: String) throws -> Int32 {
        let folder = NSTemporaryDirectory()
        var template = Array((folder as NSString).appendingPathComponent("hindsight-import-XXXXXX").utf8CString)
        let made = mkstemp(&template)
        guard made >= 0 else {
            throw CLIError(.failure, "error: cannot create a temporary file for \(name) in \(folder): \(String(cString: strerror(errno)))")
        }
        unlink(String(cString: template))
        // Moved above 2 (and closed on exec): with standard input closed, mkstemp(3) hands out
        // descriptor 0, and the copy would then be read as standard input.
        let output = fcntl(made, F_DUPFD_CLOEXEC, 3)
        let reason = String(cString: strerror(errno))
        close(made)
        guard output >= 0 else {
            throw CLIError(.failure, "error: cannot create a temporary file for \(name) in \(folder): \(reason)")
        }
        var done = false
        defer { if !done { close(output) } }
        // Read with read(2) rather than FileHandle, so that a failure (standard input closed, or a
        // directory) is reported with errno's words rather than "The operation could not be completed".
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                // A closed standard input reads as EBADF (through the placeholder that start-up
                // puts in its place, see StandardStreams): "Bad file descriptor" does not say that
                // '-' had nothing behind it, nor what to give instead.
                if descriptor == STDIN_FILENO && code == EBADF { throw StandardStreams.closedInput() }
                throw CLIError(.failure, "error: could not read \(name): \(String(cString: strerror(code)))")
            }
            var written = 0
            while written < count {
                let wrote = buffer[written..<count].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else {
                    throw CLIError(.failure, "error: could not copy \(name) to a temporary file in \(folder): \(String(cString: strerror(errno)))")
                }
                written += wrote
            }
        }
        done = true
        return output
    }

    /// The files `path` names, each as the name it is reported under and the path to read: `path`
    /// itself, or the interchange files in it and in every folder below it, in name order, with the
    /// folders that symbolic links lead to (each read once), hidden ones (named `.…`) left out.
    /// Alongside them, one line for each thing that was to be read and cannot be: a folder that
    /// cannot be listed, a file that cannot be read, a symbolic link with an interchange file's name
    /// that leads nowhere.
    /// - Throws: ``CLIError`` (exit 65) when `path` is missing, or is a folder with neither an
    ///   interchange file nor such a problem in it.
    private static func files(_ path: String) throws -> (found: [(name: String, path: String)], problems: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.dataError, "\(path): no such file or directory")
        }
        guard isDirectory.boolValue else {
            return readableProblem(path).map { ([], [$0]) } ?? ([(path, path)], [])
        }
        var walk = DirectoryWalk()
        walk.visit(path, relative: "")
        if walk.found.isEmpty && walk.problems.isEmpty {
            // A folder that holds only `.kb.yaml` would otherwise look empty to its owner.
            let hidden = walk.skippedHidden
                ? " (files and folders whose names begin with '.' are skipped; name such a file to import it)" : ""
            throw CLIError(.dataError, "\(path): no .yaml, .yml or .json files in this directory\(hidden)")
        }
        var found: [(name: String, path: String)] = []
        var problems = walk.problems
        for relative in walk.found.sorted() {
            let full = (path as NSString).appendingPathComponent(relative)
            if let problem = readableProblem(full) { problems.append(problem) } else { found.append((full, full)) }
        }
        return (found, problems)
    }

    /// The problem with reading the file at `path`, or nil when it can be read.
    private static func readableProblem(_ path: String) -> String? {
        FileManager.default.isReadableFile(atPath: path) ? nil : "\(path): cannot be read (permission denied?)"
    }

    /// A walk through a folder and the folders below it, symbolic links followed, collecting the
    /// paths of interchange files relative to where it began; files and folders whose names begin
    /// with `.` are not entered.
    private struct DirectoryWalk {
        /// The interchange files, relative to the folder the walk began in, in the order found.
        var found: [String] = []
        /// What could not be listed, or a link that leads nowhere, one line each.
        var problems: [String] = []
        /// Whether an entry was left out for its name beginning with `.`.
        var skippedHidden = false
        /// The folders listed, by device and inode, so that a link back up is not followed again.
        private var visited: Set<[UInt64]> = []

        /// Lists `folder` (at `relative` from where the walk began) and every folder below it.
        mutating func visit(_ folder: String, relative: String) {
            var status = stat()
            guard stat(folder, &status) == 0, visited.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else { return }
            guard let directory = opendir(folder) else {
                problems.append("\(folder): this folder cannot be read (\(String(cString: strerror(errno))))")
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            // Hidden entries are left alone, as tools that walk a tree leave them: a repository's
            // `.git` and `.github` hold YAML that is no interchange file, and an editor's lock
            // (`.#kb.yaml`) or backup is no postmortem. One named on the command line is read.
            for name in names.sorted() {
                if name.hasPrefix(".") {
                    skippedHidden = true
                    continue
                }
                let full = (folder as NSString).appendingPathComponent(name)
                let path = relative.isEmpty ? name : relative + "/" + name
                let isInterchange = InterchangeInput.extensions.contains((name as NSString).pathExtension.lowercased())
                var target = stat()
                guard stat(full, &target) == 0 else {
                    // A link that leads nowhere, or into a folder that cannot be searched: what it
                    // names would have been read.
                    let reason = String(cString: strerror(errno))
                    if isInterchange, let destination = SymbolicLinks.target(ofLink: full) {
                        problems.append("\(full): a symbolic link to \(destination), which cannot be read (\(reason))")
                    } else if isInterchange {
                        problems.append("\(full): cannot be read (\(reason))")
                    }
                    continue
                }
                if target.st_mode & S_IFMT == S_IFDIR {
                    visit(full, relative: path)
                } else if isInterchange {
                    found.append(path)
                }
            }
        }

    }
}
