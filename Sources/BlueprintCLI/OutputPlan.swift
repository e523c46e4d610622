import ArgumentParser
import BlueprintAnalysis
import Foundation

/// Where the outputs of a command that turns each input into one file go (`render`, `export`): -o,
/// NAME.EXT in --output-dir, or standard output; checked before anything is written.
struct OutputPlan {
    var files: [String]
    var output: String?
    var outputDirectory: String?
    /// --stdin-filename: the path standard input stands for.
    var standardInputName: String?
    /// What is written, for messages: "the diagram".
    var product: String

    /// Where each target really leads. A link loop, or a target that is one of the inputs (by name or
    /// through a symbolic or hard link), is refused before anything is drawn: exit 2.
    func destinations(_ targets: [String: String], inputs: [String]) throws -> [String: OutputDestination] {
        var inputIdentities = inputs.compactMap { input in FileIdentity(input).map { ($0, input) } }
        // Standard input may be the blueprint itself (`render - -o in.blueprint < in.blueprint`), and
        // --stdin-filename names the file it stands for.
        if files.contains("-") {
            let name = standardInputName ?? "standard input"
            inputIdentities += [FileIdentity(descriptor: STDIN_FILENO), standardInputName.flatMap(FileIdentity.init)]
                .compactMap { $0.map { ($0, name) } }
        }
        var destinations: [String: OutputDestination] = [:]
        for (input, target) in targets.sorted(by: { $0.key < $1.key }) {
            do throws(OutputRefusal) {
                let destination = try OutputDestination(target)
                if let identity = destination.fileIdentity, let source = inputIdentities.first(where: { $0.0 == identity }) {
                    throw OutputRefusal(description: "'\(target)' is the blueprint '\(source.1)' itself; "
                        + "writing \(product) there would destroy its source")
                }
                destinations[input] = destination
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        return destinations
    }

    /// Where each input's diagram goes; nil for standard output. Two inputs with one name would
    /// overwrite each other in --output-dir, so that is refused before anything is drawn or made.
    func targets(for paths: [String], fileExtension: String) throws -> [String: String] {
        if let output { return paths.first.map { [$0: output] } ?? [:] }
        guard let outputDirectory else { return [:] }
        var targets: [String: String] = [:]
        var sources: [String: String] = [:]
        let folder = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
        for path in paths {
            let name = ((path == "-" ? standardInputName ?? path : path) as NSString).lastPathComponent
            let stem = name.hasSuffix(".blueprint") ? String(name.dropLast(".blueprint".count)) : name
            let target = folder + stem + "." + fileExtension
            if let other = sources[target] {
                throw ValidationError("'\(other)' and '\(path)' would both be written to '\(target)'")
            }
            sources[target] = path
            targets[path] = target
        }
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            printError("error: cannot create folder '\(outputDirectory)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
        return targets
    }
}
