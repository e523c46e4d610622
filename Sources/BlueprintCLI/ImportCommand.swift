import ArgumentParser
import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintExport
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a blueprint from a spreadsheet saved as CSV (the sheet 'export --to csv' writes).",
        discussion: """
        The sheet has a header row naming its columns, in any order and any case: phase, lane, id, \
        label, moment, emotion, actor, channel, note, takes, wait, tolerance, servers, fail, \
        evidence, flows (lane and id are required); docs/EXPORTS.md describes each. UTF-8, with or \
        without a byte-order mark. The blueprint is written in the canonical layout of \
        'blueprint fmt', to standard output or to -o. A bad cell is reported as \
        FILE.csv:ROW:COLUMN: error: …, counting the header as row 1, and nothing is written.

        Exit status: 0 when the blueprint was written, 1 when a cell was bad or the output could not \
        be written, 2 when the sheet could not be read or an option is wrong.
        """
    )

    @Argument(help: "The CSV file; '-' for standard input.")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the blueprint to this file ('-' for standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The blueprint's title; by default the sheet's file name without its extension.", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("Language of messages: en, zh-Hans or zh-Hant.", valueName: "language"))
    var lang: LanguageOption = .auto

    // Every command takes --color; the problems are plain lines.
    @OptionGroup var color: ColorOption

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            printError("\(file): error: cannot read the sheet: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let name = file == "-" ? "<stdin>" : file
        let title = title ?? (file == "-" ? "Imported blueprint" : ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        let blueprintPath = output.flatMap { $0 == "-" ? nil : $0 } ?? (file as NSString).deletingPathExtension + ".blueprint"
        let language: MessageLanguage = if case .fixed(let language) = lang.choice { language } else { .en }
        switch CSVImport.blueprint(from: data, title: title, path: blueprintPath) {
        case .failure(let failure):
            for problem in failure.problems {
                printError("\(name):\(problem.row):\(problem.column): error: \(problem.message.text(in: language))")
            }
            throw ExitCode(1)
        case .success(let text):
            do {
                if let output, output != "-" {
                    let destination = try OutputDestination(output)
                    if let identity = destination.fileIdentity, file != "-", identity == FileIdentity(file) {
                        printError("error: '\(output)' is the sheet '\(file)' itself; writing the blueprint there would destroy it")
                        throw ExitCode(2)
                    }
                    try destination.write(Array(text.utf8), named: output)
                } else {
                    try OutputDestination.descriptor(STDOUT_FILENO).write(Array(text.utf8), named: "standard output")
                }
            } catch let refusal as OutputRefusal {
                printError("error: \(refusal)")
                throw ExitCode(2)
            } catch let error as WriteError {
                printError("error: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
