import Foundation
import HindsightCore

/// The current instant, to the millisecond.
enum Clock {
    static var now: Instant {
        Instant(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
