import ArgumentParser
import BlueprintAnalysis
import BlueprintEncoding
import BlueprintExport
import BlueprintRender
import BlueprintReport
import Foundation

extension ExportFormat: ArgumentChoice {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write blueprints in other formats: JSON, diagram languages, an HTML page, a Markdown report, CSV.",
        discussion: """
        Each file is linted first; a file with lint errors is not exported, its diagnostics are \
        printed and its old output is left as it was. With one file and no -o, the export goes to \
        standard output; '-' reads the blueprint from standard input. Several files (or a folder) \
        need --output-dir: NAME.blueprint becomes DIR/NAME.EXT (json, mmd, puml, d2, bpmn, drawio, \
        html, md, csv). docs/EXPORTS.md describes each format.

        Exit status: 0 when every file was exported, 1 when a file had lint errors or could not be \
        laid out or written, 2 when a file could not be read, a folder holds no .blueprint file, an \
        output was refused or an option is wrong.
        """
    )

    @Argument(help: "Blueprint files, or folders to search for them; '-' for standard input.")
    var files: [String] = []

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: ExportFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the export to this file ('-' for standard output).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write each export into this folder.", valueName: "dir"))
    var outputDirectory: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var color: ColorOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one blueprint file to export, or '-' for standard input") }
        if output != nil && outputDirectory != nil { throw ValidationError("use either -o or --output-dir, not both") }
        if files.count > 1 && outputDirectory == nil { throw ValidationError("several files need --output-dir") }
        if files.contains("-") && outputDirectory != nil && analysis.stdinFilename == nil {
            throw ValidationError("standard input needs --stdin-filename to name its export in --output-dir")
        }
    }

    func run() throws {
        let readsStandardInput = files.contains("-")
        let inputs = InputFiles(files.filter { $0 != "-" })
        if !readsStandardInput, let nothingFound = inputs.nothingFoundMessage {
            printError("error: \(nothingFound)")
            throw ExitCode(2)
        }
        let paths = (readsStandardInput ? ["-"] : []) + inputs.paths
        if paths.count > 1 && outputDirectory == nil { throw ValidationError("several files need --output-dir") }
        let plan = OutputPlan(files: files, output: output, outputDirectory: outputDirectory, standardInputName: analysis.stdinFilename,
                              product: "the export")
        let targets = try plan.targets(for: paths, fileExtension: format.fileExtension)
        let destinations = try plan.destinations(targets, inputs: inputs.paths)
        let lint = LintRun(paths: paths, missing: inputs.missing, workspace: analysis.workspace(), language: analysis.lang.choice,
                           standardInputName: analysis.stdinFilename)
        for failure in lint.failures { printError(failure) }

        let format = format
        let session = RenderSession()
        let exports = lint.files.concurrentMap { file -> Result<String, DrawError>? in
            guard !file.document.hasErrors else { return nil }
            return Result { () throws(DrawError) in
                let document = file.document
                let input = ExportInput(
                    document: document,
                    geometry: format.needsGeometry ? try document.layout(session: session) : nil,
                    svg: format.needsDrawing ? String(decoding: try document.draw(RenderOptions(format: .svg), session: session).bytes, as: UTF8.self) : nil)
                return Exporter.export(input, to: format)
            }
        }
        var failed = false
        for (file, export) in zip(lint.files, exports) {
            let report = TextReporter(colour: color.standardError, printsSummary: export == nil)
            guard let export else {
                printError(report.render([file.report], filesLinted: 1))
                failed = true
                continue
            }
            // Warnings do not stop the export, but the designer should see them.
            if file.report.warningCount > 0 { printError(report.render([file.report], filesLinted: 1)) }
            do {
                let bytes = Array(try export.get().utf8)
                if let target = targets[file.path], let destination = destinations[file.path] {
                    try destination.write(bytes, named: target, syncing: false)
                } else {
                    try OutputDestination.descriptor(STDOUT_FILENO).write(bytes, named: "standard output")
                }
            } catch let error as DrawError {
                printError("\(file.document.path): error: cannot lay out the diagram: \(error)")
                failed = true
            } catch let error as WriteError {
                printError("error: \(error)")
                failed = true
            }
        }
        if !lint.failures.isEmpty { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}
