/// Reads the fields of one mapping of an interchange document: refuses unknown keys, and turns
/// each field into its value type or reports, at the field's position, what was expected.
struct MappingReader {
    let context: DecodingContext
    /// The path of this mapping, e.g. `incidents[0].impacts[1]`.
    let path: String
    let node: InterchangeNode
    private var fields: [String: (key: InterchangeNode, value: InterchangeNode)] = [:]

    /// Nil (with a problem reported) when `node` is not a mapping.
    init?(_ node: InterchangeNode, path: String, allowedKeys: [String], context: DecodingContext) {
        self.context = context
        self.path = path
        self.node = node
        guard case .mapping(let mapping, _) = node else {
            context.report(node, "\(path): expected a mapping, found \(node.kindDescription)")
            return nil
        }
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                context.report(key, "\(path): keys must be plain words, found \(key.kindDescription)")
                continue
            }
            let name = keyScalar.string
            guard allowedKeys.contains(name) else {
                context.report(key, "\(path): unknown key \(QuotedValue.quote(name)); expected one of: \(allowedKeys.joined(separator: ", "))")
                continue
            }
            fields[name] = (key, value)
        }
    }

    var location: SourceLocation { context.location(of: node) }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Where the value of `key` is written, or where the mapping starts when absent.
    func location(of key: String) -> SourceLocation {
        context.location(of: fields[key]?.value ?? node)
    }

    /// The key node of `key` when it is written with no value (nothing after the colon, `null`,
    /// `~`), so that a problem with it can be placed where it stands; nil when it has a value or is
    /// absent, and always nil on the command line (see ``value(_:required:)``).
    func keyWithoutValue(_ key: String) -> InterchangeNode? {
        guard !context.isCommandLine, let field = fields[key], field.value.isNull else { return nil }
        return field.key
    }

    /// The value node of `key`; nil when absent or null. Reports a missing required key, and a
    /// required key written with no value at the key.
    ///
    /// On the command line a field is there only because its option was given, so an empty
    /// value or a word YAML reads as null (`--tz ""`, `--until null`) is that option's value, to
    /// be checked as one: read as null it would leave the field out and let the default stand in
    /// for what was typed (UTC for the zone, no end for the SLA).
    func value(_ key: String, required: Bool = false) -> InterchangeNode? {
        guard let value = fields[key]?.value, context.isCommandLine || !value.isNull else {
            if required, let written = fields[key]?.key {
                // Called missing and placed at the mapping, it would be looked for where it stands.
                context.report(written, "\(fieldPath(key)): has no value (null or nothing after the colon), but it is required")
            } else if required {
                context.report(node, "\(path): missing required key '\(key)'")
            }
            return nil
        }
        return value
    }

    /// The scalar text of `key`, from any scalar style.
    func scalarText(_ key: String, required: Bool = false, what: String) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value else {
            context.report(value, "\(fieldPath(key)): expected \(what), found \(value.kindDescription)")
            return nil
        }
        return scalar.string
    }

    /// A plain (unquoted) scalar: numbers and booleans must not be quoted.
    private func plainScalar(_ key: String, required: Bool, what: String) -> (String, InterchangeNode)? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value else {
            context.report(value, "\(fieldPath(key)): expected \(what), found \(value.kindDescription)")
            return nil
        }
        guard scalar.isPlain else {
            context.report(value, "\(fieldPath(key)): expected \(what), found the quoted text \(QuotedValue.quote(scalar.string))")
            return nil
        }
        return (scalar.string, value)
    }

    /// Text: any scalar, NUL refused; empty refused when `nonEmpty`.
    func text(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> String? {
        guard let text = scalarText(key, required: required, what: "text") else { return nil }
        if text.unicodeScalars.contains("\u{0}") {
            context.report(location(of: key), "\(fieldPath(key)): text may not contain NUL (U+0000)")
            return nil
        }
        if nonEmpty && text.isEmpty {
            // An optional field has a way to say there is none, and an empty one would be neither
            // a value nor that: an owner of "" is nobody's to chase and not listed as unowned.
            context.report(location(of: key),
                           "\(fieldPath(key)): must not be empty" + (required ? "" : "; leave the key out when there is none"))
            return nil
        }
        return text
    }

    /// Parses a scalar with `parse`, reporting its error message at the field.
    func parsed<T>(_ key: String, required: Bool = false, what: String, _ parse: (String) throws -> T) -> T? {
        guard let text = scalarText(key, required: required, what: what) else { return nil }
        do {
            return try parse(text)
        } catch let error as ValueParseError {
            context.report(location(of: key), "\(fieldPath(key)): \(error.message)")
        } catch {
            context.report(location(of: key), "\(fieldPath(key)): \(error)")
        }
        return nil
    }

    func id(_ key: String, required: Bool = false) -> String? {
        parsed(key, required: required, what: "an id") { text in try Identifier.validate(text); return text }
    }

    func instant(_ key: String, required: Bool = false) -> Instant? {
        parsed(key, required: required, what: "an instant") { try Instant(parsing: $0) }
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        parsed(key, required: required, what: "a date") { try CalendarDate(parsing: $0) }
    }

    func keyword<K: Keyword>(_ key: String, _ type: K.Type, required: Bool = false) -> K? {
        parsed(key, required: required, what: "one of \(K.spellings)") { text in
            guard let value = K(rawValue: text) else { throw ValueParseError("\(QuotedValue.quote(text)) is not one of \(K.spellings)") }
            return value
        }
    }

    /// A number in JSON's grammar (`99.9`, `1`, `0.25`), unquoted, checked by `isAllowed`.
    func number(_ key: String, required: Bool = false, range: String, _ isAllowed: (Double) -> Bool) -> Double? {
        guard let (text, node) = plainScalar(key, required: required, what: "a number \(range)") else { return nil }
        if !NumberGrammar.isJSONNumber(text), let spelling = NumberGrammar.jsonSpelling(ofYAMLNumber: text),
           let value = Double(spelling) {
            // A number in YAML but not in JSON: refused (the format takes JSON's spellings only,
            // so that YAML and JSON documents hold the same values), saying what to write.
            let inRange = value.isFinite && isAllowed(value) ? "" : ", and it is out of range; expected a number \(range)"
            context.report(node, "\(fieldPath(key)): \(otherSpelling(text, write: spelling))\(inRange)")
            return nil
        }
        if let special = NumberGrammar.nonFiniteName(text) {
            context.report(node, "\(fieldPath(key)): \(nonFinite(text, special)); expected a number \(range)")
            return nil
        }
        guard NumberGrammar.isJSONNumber(text), let value = Double(text) else {
            context.report(node, "\(fieldPath(key)): \(QuotedValue.quote(text)) is not a number; expected a number \(range)")
            return nil
        }
        guard value.isFinite else {
            // A number in the grammar, too large for a Double (1e400).
            context.report(node, "\(fieldPath(key)): \(QuotedValue.quote(text)) is out of range; expected a number \(range)")
            return nil
        }
        guard NumberGrammar.isKeptExactly(text, as: value) else {
            // Rounded silently, 0.99999999999999999999 would be stored as a fraction of 1.
            context.report(node, "\(fieldPath(key)): \(text) has more significant digits than a number keeps (about 15), "
                           + "so it would be stored as \(JSONWriter.formatNumber(value)); expected a number \(range), "
                           + "written with fewer digits")
            return nil
        }
        guard isAllowed(value) else {
            context.report(node, "\(fieldPath(key)): \(text) is out of range; expected a number \(range)")
            return nil
        }
        return value
    }

    /// A whole number, unquoted, checked by `isAllowed`. One too large or too small for an Int
    /// (which holds what the knowledge base stores, a 64-bit integer) is out of range: `largest`,
    /// when given, is named as the most the field takes, since `range` may give no upper bound.
    func integer(_ key: String, required: Bool = false, range: String, largest: Int? = Int.max,
                 _ isAllowed: (Int) -> Bool) -> Int? {
        guard let (text, node) = plainScalar(key, required: required, what: "a whole number \(range)") else { return nil }
        func outOfRange(_ digits: String) -> String {
            let bound = largest.map { digits.hasPrefix("-") ? "" : " and at most \($0)" } ?? ""
            return "expected a whole number \(range)\(bound)"
        }
        if !NumberGrammar.isInteger(text), let spelling = NumberGrammar.jsonSpelling(ofYAMLNumber: text),
           NumberGrammar.isInteger(spelling) {
            let value = Int(spelling)
            let inRange = value.map(isAllowed) == true ? ""
                : ", and it is out of range; \(value == nil ? outOfRange(spelling) : "expected a whole number \(range)")"
            context.report(node, "\(fieldPath(key)): \(otherSpelling(text, write: spelling))\(inRange)")
            return nil
        }
        if let special = NumberGrammar.nonFiniteName(text) {
            context.report(node, "\(fieldPath(key)): \(nonFinite(text, special)); expected a whole number \(range)")
            return nil
        }
        guard NumberGrammar.isInteger(text) else {
            context.report(node, "\(fieldPath(key)): \(QuotedValue.quote(text)) is not a whole number; expected a whole number \(range)")
            return nil
        }
        guard let value = Int(text) else {
            // A whole number all the same: what is wrong is its size, and the message says so.
            context.report(node, "\(fieldPath(key)): \(QuotedValue.quote(text)) is out of range; \(outOfRange(text))")
            return nil
        }
        guard isAllowed(value) else {
            context.report(node, "\(fieldPath(key)): \(text) is out of range; expected a whole number \(range)")
            return nil
        }
        return value
    }

    /// The problem with `text`, a number in a spelling the format does not take (`.5`, `+1`,
    /// `0x1F`), that is `spelling` in the one it takes. A file is told of the interchange format's
    /// grammar, JSON's; an option value, of what the option takes.
    private func otherSpelling(_ text: String, write spelling: String) -> String {
        context.isCommandLine
            ? "\(QuotedValue.quote(text)) is not accepted as written; write \(spelling) (numbers are plain decimals such as 99.9 or 1e-3: "
                + "no '+' sign, no point without a digit on each side, no hex or octal)"
            : "\(QuotedValue.quote(text)) is not how the interchange format writes numbers (as JSON does); write \(spelling)"
    }

    /// The problem with `text`, a spelling of infinity or NaN (YAML's `.inf`, `-.inf`, `.nan`, or
    /// `inf`), which is `name`: no value the format can hold, since JSON's numbers have no such values.
    private func nonFinite(_ text: String, _ name: String) -> String {
        context.isCommandLine
            ? "\(QuotedValue.quote(text)) is \(name), which is not accepted"
            : "\(QuotedValue.quote(text)) is \(text.contains(".") ? "YAML's " : "")\(name), which the interchange format does not take (its numbers are JSON's, "
                + "which have no infinity or NaN)"
    }

    /// `true` or `false`, unquoted.
    func bool(_ key: String) -> Bool? {
        guard let (text, node) = plainScalar(key, required: false, what: "true or false") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            context.report(node, "\(fieldPath(key)): \(QuotedValue.quote(text)) is not a boolean; expected true or false")
            return nil
        }
    }

    /// The items of a list; an absent or null list is empty.
    func list(_ key: String) -> [InterchangeNode] {
        guard let value = value(key) else { return [] }
        guard case .sequence(let sequence, _) = value else {
            context.report(value, "\(fieldPath(key)): expected a list, found \(value.kindDescription)")
            return []
        }
        return sequence
    }
}

/// The number spellings the interchange format accepts, JSON's: no quotes, no `.5`, no `1.`, no hex.
/// YAML's other spellings of numbers are refused with the JSON spelling to write instead.
enum NumberGrammar {
    static func isInteger(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == 0x30 && bytes.count > 1 { return false }
        return bytes.allSatisfy(isDigit)
    }

    /// Whether `value`, read from `text` (a number in JSON's grammar), is exactly the decimal
    /// number `text` writes, as far as a reader of the shortest spelling of `value` can tell:
    /// false when `text` has more significant digits than a Double keeps, or is too small to be
    /// anything but 0, so that the value stored and exported would differ from the one written.
    static func isKeptExactly(_ text: String, as value: Double) -> Bool {
        guard let written = SignificantDigits(text), let kept = SignificantDigits("\(value)") else { return false }
        return written == kept
    }

    /// A decimal number as its significant digits, without leading or trailing zeros, and the
    /// power of ten of the last one, so that two spellings of one number (`1.50`, `15e-1`) are
    /// equal. Zero has no digits, whatever its sign.
    private struct SignificantDigits: Equatable {
        let negative: Bool
        let digits: [UInt8]
        let exponent: Int

        /// Reads a number in JSON's grammar, or Swift's spelling of a finite Double (`1e-07`,
        /// `100.0`); nil when its exponent does not fit an Int.
        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { bytes = bytes.dropFirst() }
            var digits: [UInt8] = []
            var exponent = 0
            var afterPoint = false
            while let byte = bytes.first, byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: ".") { afterPoint = true; continue }
                digits.append(byte)
                if afterPoint { exponent -= 1 }
            }
            if !bytes.isEmpty {
                guard let power = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)) else { return nil }
                let (sum, overflow) = exponent.addingReportingOverflow(power)
                guard !overflow else { return nil }
                exponent = sum
            }
            while digits.last == UInt8(ascii: "0") {
                digits.removeLast()
                exponent += 1
            }
            let significant = Array(digits.drop { $0 == UInt8(ascii: "0") })
            self.negative = negative && !significant.isEmpty
            self.digits = significant
            self.exponent = significant.isEmpty ? 0 : exponent
        }
    }

    static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        let integerDigits = digits()
        guard integerDigits > 0 else { return false }
        if integerDigits > 1 && bytes[index - integerDigits] == 0x30 { return false }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// The JSON spelling of `text` when it is a number in YAML's other spellings: a leading `+`
    /// (`+0.5`), a missing whole part (`.5`), a bare point (`1.`), leading zeros before a point
    /// (`00.5`), hex (`0x1F`) or octal (`0o17`). Nil for anything else, including a whole number
    /// with leading zeros, which YAML 1.1 reads as octal and YAML 1.2 as decimal.
    static func jsonSpelling(ofYAMLNumber text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.count > 2, scalars[0] == "0", scalars[1] == "x" || scalars[1] == "o" {
            return decimalSpelling(ofDigits: scalars[2...], radix: scalars[1] == "x" ? 16 : 8)
        }
        var index = 0
        func digits() -> String {
            var run = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                run.unicodeScalars.append(scalars[index])
                index += 1
            }
            return run
        }
        var sign = ""
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            if scalars[index] == "-" { sign = "-" }
            index += 1
        }
        var whole = digits()
        var fraction = ""
        if index < scalars.count, scalars[index] == "." {
            index += 1
            fraction = digits()
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            exponent = "e"
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                exponent.unicodeScalars.append(scalars[index])
                index += 1
            }
            let power = digits()
            guard !power.isEmpty else { return nil }
            exponent += power
        }
        guard index == scalars.count else { return nil }
        // `010` is 10 in YAML 1.2 but 8 (octal) in YAML 1.1: no guess.
        if whole.count > 1, whole.hasPrefix("0"), fraction.isEmpty, exponent.isEmpty { return nil }
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction) + exponent
    }

    /// The decimal spelling of a whole number written in `radix` (YAML's hex or octal digits, no
    /// sign), however long: one past the largest Int is still a number, named as such so that it
    /// is refused as out of range rather than as "not a number". Nil when a character is not a
    /// digit of that radix, or past 1,000 digits: the work grows with the square of the length,
    /// and a scalar of a megabyte of hex digits must not hold up an import.
    private static func decimalSpelling(ofDigits digits: ArraySlice<Unicode.Scalar>, radix: UInt32) -> String? {
        guard digits.count <= 1_000 else { return nil }
        var decimal: [UInt32] = [0]  // least significant digit first
        for scalar in digits {
            let digit: UInt32
            switch scalar {
            case "0"..."9": digit = scalar.value - 48
            case "a"..."f": digit = scalar.value - 87
            case "A"..."F": digit = scalar.value - 55
            default: return nil
            }
            guard digit < radix else { return nil }
            var carry = digit
            for index in decimal.indices {
                let value = decimal[index] * radix + carry
                decimal[index] = value % 10
                carry = value / 10
            }
            while carry > 0 {
                decimal.append(carry % 10)
                carry /= 10
            }
        }
        while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
        return String(decimal.reversed().map { Character(Unicode.Scalar(UInt8(48 + $0))) })
    }

    /// What `text` stands for when it spells infinity or NaN: YAML's `.inf`, `+.inf`, `-.inf` and
    /// `.nan` in any capitalisation, and, as typed on a command line, the same without the point
    /// (`inf`, `-infinity`, `NaN`). Nil for anything else.
    static func nonFiniteName(_ text: String) -> String? {
        var word = Substring(text.lowercased())
        var negative = false
        if let sign = word.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            word = word.dropFirst()
        }
        if word.first == "." { word = word.dropFirst() }
        switch word {
        case "inf", "infinity": return negative ? "minus infinity" : "infinity"
        case "nan": return text.hasPrefix("+") || text.hasPrefix("-") ? nil : "NaN"
        default: return nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
