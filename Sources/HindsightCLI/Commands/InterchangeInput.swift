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
        let name: String
        let path: String
    }

    /// Runs `body` with the files `paths` name, checked to exist and be readable. Standard input
    /// is first copied to a temporary file, so that it can be read again should it need a whole
    /// parse; the copy is removed afterwards.
    ///
    /// A path that is missing, unreadable or an empty directory stops the run before `body`, but
    /// the files that can be read are still decoded, so that the one message lists every problem
    /// of the run (the rules that need the knowledge base, such as references, are not checked).
    /// - Throws: ``CLIError`` (exit 65) with those problems, in the order of `paths`.
    static func withSources<Result>(_ paths: [String], _ body: ([Source]) throws -> Result) throws -> Result {
        var spool: String?
        defer { if let spool { try? FileManager.default.removeItem(atPath: spool) } }
        var sources: [Source] = []
        var unusable: [(index: Int, message: String)] = []
        for path in paths {
            if path == "-" {
                let copy = try spool ?? spoolStandardInput()
                spool = copy
                sources.append(Source(name: "-", path: copy))
            } else {
                do {
                    sources += try files(path)
                } catch let error as CLIError where error.code == .dataError {
                    unusable.append((sources.count, error.description))
                }
            }
        }
        guard unusable.isEmpty else {
            var lines: [String] = []
            for (position, source) in sources.enumerated() {
                lines += unusable.filter { $0.index == position }.map(\.message)
                lines += try InterchangeStreamDecoder.decode(file: source.name, open: { try chunks(of: source) },
                                                             each: { _ in }).map(\.description)
            }
            lines += unusable.filter { $0.index == sources.count }.map(\.message)
            throw CLIError(.dataError, lines)
        }
        return try body(sources)
    }

    /// Decodes every source, calling `each` with each valid record in order, on the calling thread.
    ///
    /// The files are read and decoded on a thread of their own while `each` runs, so that an
    /// import parses the next records while it writes the last ones.
    /// - Returns: the problems of all sources, in order; empty when all are valid.
    static func decode(_ sources: [Source], each: (InterchangeRecord) throws -> Void) throws -> [InterchangeProblem] {
        try OrderedHandOff.run(produce: { yield in
            var problems: [InterchangeProblem] = []
            for source in sources {
                problems += try InterchangeStreamDecoder.decode(file: source.name, open: { try chunks(of: source) },
                                                                each: yield)
            }
            return problems
        }, consume: each)
    }

    private static func chunks(of source: Source) throws -> InterchangeStreamDecoder.ChunkReader {
        guard let handle = FileHandle(forReadingAtPath: source.path) else {
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

    private static func spoolStandardInput() throws -> String {
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("hindsight-import-\(getpid())-\(UUID().uuidString).input")
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let output = FileHandle(forWritingAtPath: path)
        else { throw CLIError(.failure, "error: cannot create a temporary file for standard input in \(NSTemporaryDirectory())") }
        defer { try? output.close() }
        // Read with read(2) rather than FileHandle, so that a failure (standard input closed, or a
        // directory) is reported with errno's words rather than "The operation could not be completed".
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: path)
                throw CLIError(.failure, "error: could not read standard input: \(reason)")
            }
            do {
                try output.write(contentsOf: buffer[..<count])
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw CLIError(.failure, "error: could not copy standard input to \(path): \(SystemErrorText.reason(error))")
            }
        }
        return path
    }

    private static func files(_ path: String) throws -> [Source] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.dataError, "\(path): no such file or directory")
        }
        guard isDirectory.boolValue else { return [try readable(path)] }
        let found = (fileManager.subpaths(atPath: path) ?? [])
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        if found.isEmpty {
            throw CLIError(.dataError, "\(path): no .yaml, .yml or .json files in this directory")
        }
        var result: [Source] = []
        for relative in found {
            let full = (path as NSString).appendingPathComponent(relative)
            var nestedIsDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: full, isDirectory: &nestedIsDirectory), !nestedIsDirectory.boolValue {
                result.append(try readable(full))
            }
        }
        return result
    }

    private static func readable(_ path: String) throws -> Source {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CLIError(.dataError, "\(path): cannot be read (permission denied?)")
        }
        return Source(name: path, path: path)
    }
}
