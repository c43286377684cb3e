import Foundation

/// The system's words for why a file operation failed, such as "Permission denied" or "Not a
/// directory", which Foundation's own messages ("The operation could not be completed") often
/// leave out.
public enum SystemErrorText {
    /// The `strerror` text of the POSIX error in `error` or beneath it; else its description.
    public static func reason(_ error: Error) -> String {
        let outer = error as NSError
        let underlying = outer.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = [outer, underlying].compactMap({ $0 }).first(where: { $0.domain == NSPOSIXErrorDomain }) {
            return String(cString: strerror(Int32(posix.code)))
        }
        return error.localizedDescription
    }
}
