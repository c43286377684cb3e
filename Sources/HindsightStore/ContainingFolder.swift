import Foundation

/// The folder part of a path, as `NSString.deletingLastPathComponent` gives it on Darwin.
///
/// Why not that property: swift-corelibs-foundation stops the process with a trap when the last
/// component is one character long and nothing comes before it (`a`, `a/`, `~`), so
/// `--db a` crashed with a backtrace.
public enum ContainingFolder {
    /// The path without its last component and the slashes before it: `/tmp/a.sqlite` → `/tmp`,
    /// `a/b/` → `a`, `/a` → `/`, `/` → `/`, and `a` or `a/` → the empty string (the current
    /// folder, left for the caller to name as it does).
    public static func of(_ path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1 && rest.hasSuffix("/") { rest.removeLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var folder = rest[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
