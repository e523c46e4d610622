import Foundation
import PackagePlugin

/// `swift package lint-blueprints [--target NAME]… [--strict] [--format text|json|sarif|github]`
///
/// Lints the `.blueprint` files of the named targets or, with no `--target`, of every
/// target and of the package's top-level `blueprints/` folder. Runs from the package
/// directory with relative paths, so `github` annotations and SARIF locations resolve
/// against the repository when the package is at its root.
@main
struct LintBlueprintsCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        var lintOptions = extractor.extractOption(named: "format").flatMap { ["--format", $0] }
        if extractor.extractFlag(named: "strict") > 0 { lintOptions.append("--strict") }
        guard extractor.remainingArguments.isEmpty else {
            throw PluginError("unexpected arguments: \(extractor.remainingArguments.joined(separator: " "))")
        }

        let paths = try blueprintPaths(in: context.package, targetNames: targetNames)
        guard !paths.isEmpty else {
            Diagnostics.remark("no .blueprint files to lint")
            return
        }
        let lint = Process()
        lint.executableURL = try context.tool(named: "BlueprintCLI").url
        lint.arguments = ["lint"] + lintOptions + paths
        lint.currentDirectoryURL = context.package.directoryURL
        try lint.run()
        lint.waitUntilExit()
        // The tool has printed every diagnostic; this only makes `swift package` fail.
        guard lint.terminationStatus == 0 else {
            throw PluginError("blueprint lint failed (exit status \(lint.terminationStatus))")
        }
    }

    /// The targets' files, then the `blueprints/` folder (`blueprint lint` searches it),
    /// relative to the package directory.
    private func blueprintPaths(in package: Package, targetNames: [String]) throws -> [String] {
        let targets = targetNames.isEmpty ? package.targets : try package.targets(named: targetNames)
        var paths = targets.compactMap { $0 as? SourceModuleTarget }
            .flatMap { $0.sourceFiles(withSuffix: "blueprint") }
            .map { relativePath(of: $0.url, in: package.directoryURL) }
        let folder = package.directoryURL.appendingPathComponent("blueprints")
        if targetNames.isEmpty, FileManager.default.fileExists(atPath: folder.path) {
            paths.append("blueprints")
        }
        return paths
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
