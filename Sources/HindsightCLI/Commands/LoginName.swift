import Foundation

/// The user's login name, the default author of recorded changes.
enum LoginName {
    static var current: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return NSUserName().isEmpty ? "unknown" : NSUserName()
    }
}
