import Foundation
import PackagePlugin

/// Turns the lexicon's data files (`Resources/Lexicon/*.txt` of the target) into a Swift source,
/// so the built-in lexicon is part of every binary and of every package that depends on Gongwen.
@main
struct EmbedLexicon: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let folder = target.directoryURL.appending(path: "Resources/Lexicon")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".txt") }.sorted().map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicon.swift")
    return [
      .buildCommand(
        displayName: "Embedding the lexicon's \(files.count) files",
        executable: try context.tool(named: "LexiconEmbedder").url,
        arguments: [output.path] + files.map(\.path),
        inputFiles: files, outputFiles: [output])
    ]
  }
}
