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

extension OptionParsing {
    /// One of a keyword's spellings, or a usage error that lists them.
    static func keyword<K: Keyword>(_ option: String, _ text: String, _ type: K.Type) throws -> K {
        guard let value = K(rawValue: text) else {
            throw ValidationError("\(option) \(QuotedValue.quote(text)) is not one of \(K.spellings)")
        }
        return value
    }

    /// Free text for a field such as an owner or a note: not empty.
    static func text(_ option: String, _ text: String) throws -> String {
        guard !text.isEmpty else { throw ValidationError("\(option) needs a value; it may not be empty") }
        return text
    }

    /// A service id, as `--service` takes it in every command that picks incidents or actions by service.
    static func serviceID(_ text: String) throws -> String {
        try value("--service", text) { try Identifier.validate($0); return $0 }
    }

    /// A cause path, as `--cause` takes it wherever it picks by the path-prefix rule.
    static func causePath(_ text: String) throws -> String {
        try value("--cause", text) { try Identifier.validateCausePath($0); return $0 }
    }

    /// An action's global id, `INCIDENT-ID/ACTION-ID`.
    static func actionReference(_ text: String) throws -> ActionReference {
        try value("ID", text, ActionReference.init(parsing:))
    }
}
