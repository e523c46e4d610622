import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory render-blueprints [--target NAME]… [--output-dir DIR]
/// [--format svg|png|pdf|dot] [--theme light|dark|print]`
///
/// Renders the `.blueprint` files of the named targets or, with no `--target`, of every
/// target and of the package's top-level `blueprints/` folder: `NAME.svg` (or the format's
/// extension) next to `NAME.blueprint`, or with `--output-dir` at the file's package-relative
/// path under DIR (`DIR/Sources/Docs/checkout.svg`), so files of one name in two targets stay apart.
@main
struct RenderBlueprintsCommand: CommandPlugin {
    static let formats = ["svg", "png", "pdf", "dot"]
    static let themes = ["light", "dark", "print"]

    static let help = """
        OVERVIEW: Render the package's .blueprint files with 'blueprint render'.

        Renders the .blueprint files of the named targets or, with no --target, of every target and of
        the package's top-level blueprints/ folder. A file with lint errors is not rendered; the command
        then fails naming it. Writing into the package needs --allow-writing-to-package-directory.

        USAGE: swift package --allow-writing-to-package-directory render-blueprints [--target <name> ...]
                             [--output-dir <dir>] [--format <format>] [--theme <theme>]

        OPTIONS:
          --target <name>     Render only this target's files (repeatable); blueprints/ is then left out.
          --output-dir <dir>  Write each diagram at the file's path in the package below this folder,
                              which must lie inside the package; by default next to its .blueprint file.
          --format <format>   svg (default), png, pdf or dot.
          --theme <theme>     light (default), dark or print.
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
        let outputDirectory = extractor.extractOption(named: "output-dir").last
            // Relative to the package, not to wherever SwiftPM runs the plugin.
            .map { URL(fileURLWithPath: $0, relativeTo: context.package.directoryURL).standardizedFileURL }
        let format = try Self.choice(extractor.extractOption(named: "format").last, named: "format", among: Self.formats) ?? "svg"
        let theme = try Self.choice(extractor.extractOption(named: "theme").last, named: "theme", among: Self.themes)
        guard extractor.remainingArguments.isEmpty else {
            throw PluginError("unexpected arguments: \(extractor.remainingArguments.joined(separator: " "))")
        }
        let packagePath = context.package.directoryURL.standardizedFileURL.path
        if let outputDirectory, outputDirectory.path != packagePath, !outputDirectory.path.hasPrefix(packagePath + "/") {
            // SwiftPM lets a command plugin write only into the package (the macOS sandbox enforces it).
            throw PluginError("--output-dir '\(outputDirectory.path)' lies outside the package (\(packagePath)); "
                + "the plugin may write only inside it. Give a folder in the package, or run 'blueprint render' yourself.")
        }

        let package = context.package
        let blueprint = try context.tool(named: "BlueprintCLI").url
        let files = try blueprintFiles(in: package, targetNames: targetNames)
        if files.isEmpty { Diagnostics.remark("no .blueprint files to render") }
        var failed: [String] = []
        for file in files {
            let relative = relativePath(of: file, in: package.directoryURL)
            let diagram = (outputDirectory.map { $0.appendingPathComponent(relative) } ?? file)
                .deletingPathExtension().appendingPathExtension(format)
            try FileManager.default.createDirectory(at: diagram.deletingLastPathComponent(), withIntermediateDirectories: true)
            let render = Process()
            render.executableURL = blueprint
            render.arguments = ["render", relative, "-o", diagram.path, "--format", format] + (theme.map { ["--theme", $0] } ?? [])
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

    /// The value of an option that takes one of `choices`, checked before anything is rendered.
    private static func choice(_ value: String?, named name: String, among choices: [String]) throws -> String? {
        guard let value else { return nil }
        guard choices.contains(value) else {
            throw PluginError("--\(name) takes \(choices.joined(separator: ", ")), not '\(value)'")
        }
        return value
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
