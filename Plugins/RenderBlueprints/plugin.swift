import Foundation
import PackagePlugin

/// Renders each `.blueprint` file of a target to SVG at build time. `blueprint render`
/// lints first and, on a lint error, prints `file:line:col: error: …` lines and fails,
/// which fails the build with those lines in the log and the IDE.
@main
struct RenderBlueprints: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let blueprint = try context.tool(named: "BlueprintCLI").url
        return target.sourceFiles(withSuffix: "blueprint").map { file in
            let svg = context.pluginWorkDirectoryURL
                .appendingPathComponent(file.url.deletingPathExtension().lastPathComponent)
                .appendingPathExtension("svg")
            // One command per file: only a changed file is rendered again (SwiftPM
            // also counts the executable among the inputs, so a new `blueprint` re-renders).
            return .buildCommand(
                displayName: "Rendering \(file.url.lastPathComponent)",
                executable: blueprint,
                arguments: ["render", file.url.path, "-o", svg.path],
                inputFiles: [file.url],
                outputFiles: [svg]
            )
        }
    }
}
