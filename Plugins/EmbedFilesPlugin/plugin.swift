import Foundation
import PackagePlugin

/// Compiles the data files of a target (the `.sql` migrations, the `.yaml` seeds) into a Swift
/// source file of that target, so that the binary carries them and never looks for them on disk.
/// The list of inputs is taken afresh at every build, so added and removed files are picked up.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        let inputs = sourceTarget.sourceFiles
            .filter { ["sql", "yaml", "json"].contains($0.url.pathExtension) }
            .map(\.url)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
