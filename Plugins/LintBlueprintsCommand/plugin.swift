import Foundation
import PackagePlugin

/// `swift package lint-blueprints [--target NAME]… [--strict] [--quiet] [--format FORMAT] [--config FILE] [--baseline FILE]`
///
/// Lints the `.blueprint` files of the named targets or, with no `--target`, of every
/// target and of the package's top-level `blueprints/` folder. Runs from the package
/// directory with relative paths, so `github` annotations and SARIF locations resolve
/// against the repository when the package is at its root.
@main
struct LintBlueprintsCommand: CommandPlugin {
    static let help = """
        OVERVIEW: Lint the package's .blueprint files with 'blueprint lint'.

        Lints the .blueprint files of the named targets or, with no --target, of every target and of the
        package's top-level blueprints/ folder, from the package folder with relative paths. Fails when
        the linter does: on an error, on a warning with --strict, or when a file cannot be read.

        USAGE: swift package lint-blueprints [--target <name> ...] [--strict] [--quiet] [--format <format>]
                                             [--config <file>] [--baseline <file>]

        OPTIONS:
          --target <name>     Lint only this target's files (repeatable); blueprints/ is then left out.
          --strict            Fail on warnings too.
          --quiet             Print only the diagnostics, without the summary line.
          --format <format>   text (default), json, sarif, github, checkstyle, junit or gitlab.
          --config <file>     Use this configuration file instead of the nearest .blueprintlint.yml.
          --baseline <file>   Report only the findings this baseline does not record.
          -h, --help          Show this help.

        """

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        // ArgumentExtractor reads only long names, so -h is looked for as written.
        if arguments.contains("-h") || extractor.extractFlag(named: "help") > 0 {
            print(Self.help, terminator: "")
            return
        }
        let targetNames = extractor.extractOption(named: "target")
        var lintOptions: [String] = []
        for option in ["format", "config", "baseline"] {
            lintOptions += extractor.extractOption(named: option).flatMap { ["--\(option)", $0] }
        }
        for flag in ["strict", "quiet"] where extractor.extractFlag(named: flag) > 0 { lintOptions.append("--\(flag)") }
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
