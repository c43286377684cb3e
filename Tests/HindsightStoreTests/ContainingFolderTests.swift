import HindsightStore
import Testing

/// The folder of a path, as Darwin's `deletingLastPathComponent` reads it, one-character names
/// included (on which swift-corelibs-foundation traps).
struct ContainingFolderTests {
    @Test(arguments: [
        ("/tmp/kb.sqlite", "/tmp"), ("a/b/", "a"), ("a//b", "a"), ("/a", "/"), ("//a", "/"), ("/", "/"),
        ("kb.sqlite", ""), ("a", ""), ("a/", ""), (" ", ""), ("~", ""), ("./a", "."), ("../", ""),
    ])
    func folderOfAPath(_ path: String, _ folder: String) {
        #expect(ContainingFolder.of(path) == folder, "\(path)")
    }
}
