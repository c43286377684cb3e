import FuzzSupport
import HindsightCore

/// Feeds arbitrary text to the RFC 3339 instant parser. It must never crash, and an instant it
/// accepts must read back as itself from its own UTC form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInstant(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(validating: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self),
          let instant = try? Instant(parsing: text) else { return 0 }
    guard let again = try? Instant(parsing: instant.description), again == instant else {
        fatalError("'\(text)' parsed as \(instant.millisecondsSinceEpoch) ms, which does not read back from '\(instant)'")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, testing with the function above.
@_cdecl("FuzzInstant_main")
public func fuzzInstantMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { FuzzDriver.run(argc, argv, fuzzInstant) }
