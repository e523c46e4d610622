import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory render-blueprints [--target NAME]… [--output-dir DIR]`
///
/// Renders the `.blueprint` files of the named targets or, with no `--target`, of every
/// target and of the package's top-level `blueprints/` folder, to SVG: `NAME.svg` next to
/// `NAME.blueprint`, or with `--output-dir` at the file's package-relative path under DIR
/// (`DIR/Sources/Docs/checkout.svg`), so files of one name in two targets stay apart.
@main
struct RenderBlueprintsCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let outputDirectory = extractor.extractOption(named: "output-dir").last
            // Relative to the package, not to wherever SwiftPM runs the plugin.
            .map { URL(fileURLWithPath: $0, relativeTo: context.package.directoryURL).standardizedFileURL }
        guard extractor.remainingArguments.isEmpty else {
            throw PluginError("unexpected arguments: \(extractor.remainingArguments.joined(separator: " "))")
        }

        let package = context.package
        let blueprint = try context.tool(named: "BlueprintCLI").url
        let files = try blueprintFiles(in: package, targetNames: targetNames)
        if files.isEmpty { Diagnostics.remark("no .blueprint files to render") }
        var failed: [String] = []
        for file in files {
            let relative = relativePath(of: file, in: package.directoryURL)
            let svg = (outputDirectory.map { $0.appendingPathComponent(relative) } ?? file)
                .deletingPathExtension().appendingPathExtension("svg")
            try FileManager.default.createDirectory(at: svg.deletingLastPathComponent(), withIntermediateDirectories: true)
            let render = Process()
            render.executableURL = blueprint
            render.arguments = ["render", relative, "-o", svg.path]
            render.currentDirectoryURL = package.directoryURL
            try render.run()
            render.waitUntilExit()
            // The tool has printed the file's diagnostics; go on with the others.
            if render.terminationStatus != 0 { failed.append(relative) }
        }
        guard failed.isEmpty else {
            throw PluginError("not rendered: \(failed.joined(separator: ", "))")
        }
    }

    private func blueprintFiles(in package: Package, targetNames: [String]) throws -> [URL] {
        let targets = targetNames.isEmpty ? package.targets : try package.targets(named: targetNames)
        let targetFiles = targets.compactMap { $0 as? SourceModuleTarget }
            .flatMap { $0.sourceFiles(withSuffix: "blueprint").map(\.url) }
        return targetNames.isEmpty ? targetFiles + filesInBlueprintsFolder(of: package) : targetFiles
    }

    /// The `.blueprint` files below `blueprints/`, hidden folders skipped, as `blueprint lint` finds them.
    private func filesInBlueprintsFolder(of package: Package) -> [URL] {
        let folder = package.directoryURL.appendingPathComponent("blueprints")
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil,
                                                              options: .skipsHiddenFiles) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "blueprint" }
            .sorted { $0.path < $1.path }
    }

    private func relativePath(of file: URL, in directory: URL) -> String {
        let filePath = file.standardizedFileURL.path, directoryPath = directory.standardizedFileURL.path + "/"
        return filePath.hasPrefix(directoryPath) ? String(filePath.dropFirst(directoryPath.count)) : filePath
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
