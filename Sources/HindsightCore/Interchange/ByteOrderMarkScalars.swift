import CYaml

/// The values of the scalars of a YAML text that begin with U+FEFF, by position, read from
/// libyaml's bytes.
///
/// Yams turns each scalar's bytes into text with Foundation's `String(bytes:encoding:)`, which takes
/// a leading U+FEFF for a byte order mark and drops it, so `"\uFEFFname"` would be read as `name`.
/// Text is stored byte for byte, so the decoders take the values of these scalars from here.
enum ByteOrderMarkScalars {
    /// Whether a scalar of `text` could begin with U+FEFF: the text holds the character itself or
    /// an escape of it (`\uFEFF`, `\U0000FEFF`, in any case). Most files skip the walk.
    static func mayOccur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0..<(bytes.count - 2) {
                if bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return true }
                if index + 3 < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "f"),
                   bytes[index + 1] | 0x20 == UInt8(ascii: "e"), bytes[index + 2] | 0x20 == UInt8(ascii: "f"),
                   bytes[index + 3] | 0x20 == UInt8(ascii: "f") {
                    return true
                }
            }
            return false
        }
    }

    /// The exact value of every scalar of `text` that begins with U+FEFF, keyed by where the scalar
    /// starts (as Yams places it).
    static func values(in text: String) -> [TextPosition: String] {
        guard mayOccur(in: text) else { return [:] }
        var values: [TextPosition: String] = [:]
        LibYAMLEvents.forEach(in: text) { event in
            guard event.type == YAML_SCALAR_EVENT else { return true }
            let scalar = event.data.scalar
            guard scalar.length >= 3, let start = scalar.value,
                  start[0] == 0xEF, start[1] == 0xBB, start[2] == 0xBF
            else { return true }
            // libyaml hands out UTF-8 (the input was checked before, and its escapes make no surrogates).
            values[LibYAMLEvents.position(event)] = String(decoding: UnsafeBufferPointer(start: start, count: scalar.length),
                                                           as: UTF8.self)
            return true
        }
        return values
    }
}
