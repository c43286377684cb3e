import Foundation
import HindsightCore

/// Reads the files an import names: files as given, directories recursively in name order (their
/// `.yaml`, `.yml` and `.json` files), `-` for standard input. Decodes all of them, collecting the
/// problems of every file before failing, so that one run reports everything.
enum InterchangeInput {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    static func read(paths: [String]) throws -> InterchangeDocument {
        var document = InterchangeDocument()
        var problems: [InterchangeProblem] = []
        for (name, bytes) in try files(paths) {
            do {
                document.append(contentsOf: try InterchangeDecoder.decode(bytes, file: name))
            } catch let error as InterchangeProblems {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw InterchangeProblems(problems) }
        return document
    }

    private static func files(_ paths: [String]) throws -> [(name: String, bytes: [UInt8])] {
        let fileManager = FileManager.default
        var result: [(String, [UInt8])] = []
        for path in paths {
            if path == "-" {
                result.append(("-", [UInt8](FileHandle.standardInput.readDataToEndOfFile())))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(.dataError, "\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                let found = (fileManager.subpaths(atPath: path) ?? [])
                    .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                    .sorted()
                if found.isEmpty {
                    throw CLIError(.dataError, "\(path): no .yaml, .yml or .json files in this directory")
                }
                for relative in found {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var nestedIsDirectory: ObjCBool = false
                    if fileManager.fileExists(atPath: full, isDirectory: &nestedIsDirectory), !nestedIsDirectory.boolValue {
                        result.append((full, try contents(full)))
                    }
                }
            } else {
                result.append((path, try contents(path)))
            }
        }
        return result
    }

    private static func contents(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.dataError, "\(path): cannot be read (permission denied?)")
        }
        return [UInt8](data)
    }
}
