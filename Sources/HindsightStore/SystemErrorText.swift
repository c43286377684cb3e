import Foundation

/// The system's words for why a file operation failed, such as "Permission denied" or "Not a
/// directory", which Foundation's own messages ("The operation could not be completed") often
/// leave out.
public enum SystemErrorText {
    /// The `strerror` text of the POSIX error in `error` or beneath it; else its description.
    public static func reason(_ error: Error) -> String {
        if let code = posixCode(error) { return String(cString: strerror(code)) }
        return error.localizedDescription
    }

    /// The `errno` value of the POSIX error in `error` or beneath it (Foundation wraps it in one
    /// of its own), or nil when there is none.
    public static func posixCode(_ error: Error) -> Int32? {
        let outer = error as NSError
        let underlying = outer.userInfo[NSUnderlyingErrorKey] as? NSError
        return [outer, underlying].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }.map { Int32($0.code) }
    }
}
