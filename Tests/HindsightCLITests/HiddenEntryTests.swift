import Foundation
import Testing

/// A directory given to `import` is walked as tools that walk a tree walk it: files and folders
/// whose names begin with `.` are skipped at any depth, and one named on the command line is read.
struct HiddenEntryTests {
    /// A postmortems repository: `kb.yaml`, a GitHub workflow under `.github`, an Emacs lock link
    /// (`.#kb.yaml`, which leads nowhere), and a hidden file one folder down. The workflow was
    /// read as an interchange file and refused (exit 65, "unknown key 'name'"), and the lock as a
    /// link that cannot be read; the import now reads `kb.yaml` and the visible folder only.
    @Test func hiddenFilesAndFoldersInADirectoryAreSkippedAtAnyDepth() throws {
        let sandbox = try Sandbox()
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: sandbox.file("pm/.github/workflows"), withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: sandbox.file("pm/2024"), withIntermediateDirectories: true)
        try sandbox.write("pm/kb.yaml", "version: 1\nservices:\n  - {id: api, name: API}\n")
        try sandbox.write("pm/2024/db.yaml", "version: 1\nservices:\n  - {id: db, name: DB}\n")
        try sandbox.write("pm/2024/.draft.yaml", "version: 1\nservices:\n  - {id: draft}\n")
        try sandbox.write("pm/.github/workflows/ci.yml", "name: CI\non: [push]\n")
        try fileManager.createSymbolicLink(atPath: sandbox.file("pm/.#kb.yaml"), withDestinationPath: "user@host.1234:1700000000")
        let db = sandbox.file("kb.sqlite")

        let imported = try sandbox.run("import", "--db", db, sandbox.file("pm"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "")
        #expect(imported.stdout == "Imported into \(db):\n  services: 2 added, 0 replaced, 0 unchanged\n")
    }

    /// A hidden file or folder named on the command line is read: the rule is about what a walk
    /// picks up, not about what the user asked for.
    @Test func aHiddenFileOrFolderNamedOnTheCommandLineIsRead() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.file(".pm"), withIntermediateDirectories: false)
        try sandbox.write(".pm/kb.yaml", "version: 1\nservices:\n  - {id: api, name: API}\n")
        try sandbox.write(".db.yaml", "version: 1\nservices:\n  - {id: db, name: DB}\n")
        let db = sandbox.file("kb.sqlite")

        let imported = try sandbox.run("import", "--db", db, sandbox.file(".pm"), sandbox.file(".db.yaml"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported into \(db):\n  services: 2 added, 0 replaced, 0 unchanged\n")
    }

    /// A folder whose only interchange file is hidden says why it holds nothing to read, and how
    /// to read the file anyway; a folder with nothing hidden in it keeps the short message.
    @Test func aFolderWithOnlyAHiddenFileSaysThatHiddenNamesAreSkipped() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.file("pm"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: sandbox.file("empty"), withIntermediateDirectories: false)
        try sandbox.write("pm/.kb.yaml", "version: 1\nservices:\n  - {id: api, name: API}\n")
        let db = sandbox.file("kb.sqlite")

        let refused = try sandbox.run("import", "--db", db, sandbox.file("pm"), sandbox.file("empty"))
        #expect(refused.status == 65)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            \(sandbox.file("pm")): no .yaml, .yml or .json files in this directory (files and folders whose names \
            begin with '.' are skipped; name such a file to import it)
            \(sandbox.file("empty")): no .yaml, .yml or .json files in this directory

            """)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
