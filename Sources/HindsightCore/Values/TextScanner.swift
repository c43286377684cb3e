/// A cursor over the ASCII bytes of a value being parsed strictly. Only ASCII digits count as
/// digits: full-width or other Unicode digits are rejected, unlike some Foundation parsers.
struct TextScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads exactly `count` ASCII digits as a number, or nil (and no advance) if they are not there.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }

    /// Reads one or more ASCII digits; nil on none, or when the number does not fit in Int64.
    mutating func number() -> (value: Int64, count: Int)? {
        var value: Int64 = 0
        var count = 0
        while let byte = peek, byte >= 0x30 && byte <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }
}
