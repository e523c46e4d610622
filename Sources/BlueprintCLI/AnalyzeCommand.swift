import ArgumentParser
import BlueprintAnalysis
import BlueprintAnalyze
import BlueprintCapacity
import BlueprintEncoding
import BlueprintReport

extension AnalyzeFormat: ArgumentChoice {}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Simulate the promises and compute the capacity figures of blueprints.",
        discussion: """
        For each promise: the share of customers within its limit, the mean, p50, p90 and p95 of \
        the time, the worst case, and the steps that matter most (each one's share of the variance, \
        and the share within the limit if it took its lowest value). For each step customers reach: \
        visits, arrivals per hour, servers, utilisation, Erlang C queue wait and customers in \
        progress. The same file, customers and seed give the same output on every run.

        A file with syntax errors or unresolved names is not analysed: its diagnostics are printed. \
        Other findings, a broken promise or a step over capacity, are what the figures show.

        Exit status: 0 when every file was analysed, 1 when a file had syntax errors or unresolved \
        names, 2 when a file could not be read or an option is wrong.
        """
    )

    @Argument(help: "Blueprint files, or folders to search for them; '-' for standard input.")
    var files: [String] = []

    @Option(help: "Output format: text, json, or markdown (for a pull request).")
    var format: AnalyzeFormat = .text

    @Option(help: ArgumentHelp("Customers to simulate for each promise.", valueName: "n"))
    var customers: Int = SimulationOptions().customers

    @Option(help: ArgumentHelp("Seed of the simulation: the same seed gives the same figures.", valueName: "s"))
    var seed: UInt64 = SimulationOptions().seed

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var color: ColorOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one blueprint file to analyze, or '-' for standard input") }
        if customers < 1 { throw ValidationError("--customers takes a whole number of at least 1") }
    }

    func run() throws {
        let inputs = InputFiles(files.filter { $0 != "-" })
        if !files.contains("-"), let nothingFound = inputs.nothingFoundMessage {
            printError("error: \(nothingFound)")
            throw ExitCode(2)
        }
        let paths = (files.contains("-") ? ["-"] : []) + inputs.paths
        let lint = LintRun(paths: paths, missing: inputs.missing, workspace: analysis.workspace(), language: analysis.lang.choice,
                           standardInputName: analysis.stdinFilename)
        for failure in lint.failures { printError(failure) }
        let options = simulationOptions
        let language = analysis.lang.choice
        let analysable = lint.files.filter { file in
            guard FileFigures.blockingDiagnostics(of: file.document).isEmpty else {
                printError(TextReporter(colour: color.standardError, printsSummary: true).render([file.report], filesLinted: 1))
                return false
            }
            return true
        }
        let figures = analysable.concurrentMap { file in FileFigures(file.document, options: options, language: language) }
        if !figures.isEmpty { writeOutput(AnalyzeReport.write(figures, format: format)) }
        if !lint.failures.isEmpty { throw ExitCode(2) }
        if analysable.count < lint.files.count { throw ExitCode(1) }
    }

    private var simulationOptions: SimulationOptions {
        var options = SimulationOptions()
        options.customers = customers
        options.seed = seed
        return options
    }
}
