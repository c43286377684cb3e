import ArgumentParser
import HindsightCore

/// Parses option values with the domain's strict parsers, turning their messages into usage errors (exit 64).
enum OptionParsing {
    static func value<T>(_ option: String, _ text: String, _ parse: (String) throws -> T) throws -> T {
        do {
            return try parse(text)
        } catch let error as ValueParseError {
            throw ValidationError("\(option): \(error.message)")
        }
    }
}
