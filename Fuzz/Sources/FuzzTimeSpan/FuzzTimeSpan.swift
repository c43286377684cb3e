import FuzzSupport
import HindsightCore

/// Feeds arbitrary text to the duration parser. It must never crash (overflow included), and a
/// duration it accepts must read back as itself from its written form (`900s`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeSpan(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(validating: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self),
          let span = try? TimeSpan(parsing: text) else { return 0 }
    guard span.seconds >= 0 else { fatalError("'\(text)' parsed as a negative duration, \(span.seconds) s") }
    guard let again = try? TimeSpan(parsing: span.description), again == span else {
        fatalError("'\(text)' parsed as \(span.seconds) s, which does not read back from '\(span)'")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, testing with the function above.
@_cdecl("FuzzTimeSpan_main")
public func fuzzTimeSpanMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { FuzzDriver.run(argc, argv, fuzzTimeSpan) }
