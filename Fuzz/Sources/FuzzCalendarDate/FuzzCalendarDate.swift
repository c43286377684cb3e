import FuzzSupport
import HindsightCore

/// Feeds arbitrary text to the date and fuzzy-date parsers. They must never crash, and what
/// they accept must read back as itself from its own written form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendarDate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(validating: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self) else { return 0 }
    if let date = try? CalendarDate(parsing: text) {
        guard let again = try? CalendarDate(parsing: date.description), again == date else {
            fatalError("'\(text)' parsed as \(date), which does not read back")
        }
        if CalendarDate(daysSinceEpoch: date.daysSinceEpoch) != date { fatalError("\(date) does not survive its day number") }
    }
    if let fuzzy = try? FuzzyDate(parsing: text) {
        guard let again = try? FuzzyDate(parsing: fuzzy.description), again == fuzzy else {
            fatalError("'\(text)' parsed as fuzzy date \(fuzzy), which does not read back")
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, testing with the function above.
@_cdecl("FuzzCalendarDate_main")
public func fuzzCalendarDateMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { FuzzDriver.run(argc, argv, fuzzCalendarDate) }
