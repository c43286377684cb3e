/// A value typed on the command line for one field of an interchange record.
public indirect enum CommandLineValue: Sendable {
    /// A word read the way an unquoted YAML scalar is: a number, a date, a keyword.
    case word(String)
    /// Free text, taken literally (even `null` or `123`).
    case text(String)
    /// A list of mappings, such as an SLA's credit tiers.
    case list([[CommandLineField]])
}

/// One field of a record typed on the command line: the interchange key and its value.
public struct CommandLineField: Sendable {
    /// The interchange key, e.g. `objective`.
    public var key: String
    /// What was typed.
    public var value: CommandLineValue

    /// Creates a field.
    public init(_ key: String, _ value: CommandLineValue) {
        self.key = key
        self.value = value
    }
}

/// Decodes SLAs, maintenance windows and actions given on the command line by exactly the rules an
/// interchange file is held to: the fields go through the same decoder as an imported record.
///
/// Problems name the interchange key at the start of their message (`objective: …`, or
/// `credits[1].below: …`), so the caller can put its option names in their place.
public enum CommandLineRecord {
    /// The SLA the fields describe.
    /// - Throws: ``InterchangeProblems`` with every rule the fields break.
    public static func sla(_ fields: [CommandLineField]) throws -> ServiceLevelAgreement {
        try decode(fields) { node, context in InterchangeDecoder.decodeSLA(node, path: "", context: context)?.value }
    }

    /// The maintenance window the fields describe.
    /// - Throws: ``InterchangeProblems`` with every rule the fields break.
    public static func maintenance(_ fields: [CommandLineField]) throws -> MaintenanceWindow {
        try decode(fields) { node, context in InterchangeDecoder.decodeMaintenance(node, path: "", context: context)?.value }
    }

    /// The action the fields describe, checked against the factors of its incident.
    /// - Throws: ``InterchangeProblems`` with every rule the fields break.
    public static func action(_ fields: [CommandLineField], factors: [Factor]) throws -> RemediationAction {
        try decode(fields) { node, context in
            IncidentDecoder(context: context).decodeAction(node, path: "", factors: factors)
        }
    }

    private static func decode<Record>(_ fields: [CommandLineField],
                                       _ decodeNode: (InterchangeNode, DecodingContext) -> Record?) throws -> Record {
        let context = DecodingContext(file: "command line")
        context.isCommandLine = true
        let record = decodeNode(node(fields), context)
        guard context.problems.isEmpty, let record else {
            throw InterchangeProblems(context.problems.isEmpty
                ? [InterchangeProblem(SourceLocation(file: "command line", line: 1, column: 1), "the record is not valid")]
                : context.problems)
        }
        return record
    }

    private static func node(_ fields: [CommandLineField]) -> InterchangeNode {
        .mapping(fields.map { field in
            (key: .scalar(.init(string: field.key, isPlain: true, position: nil)), value: node(field.value))
        }, nil)
    }

    private static func node(_ value: CommandLineValue) -> InterchangeNode {
        switch value {
        case .word(let text): return .scalar(.init(string: text, isPlain: true, position: nil))
        case .text(let text): return .scalar(.init(string: text, isPlain: false, position: nil))
        case .list(let items): return .sequence(items.map(node), nil)
        }
    }
}
