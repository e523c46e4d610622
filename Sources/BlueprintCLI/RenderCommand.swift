import ArgumentParser
import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintDiff
import BlueprintEncoding
import BlueprintLanguage
import BlueprintLayout
import BlueprintRender
import BlueprintReport
import Foundation

/// `--page` values, as `A3` or `a3`.
extension PaperSize: ArgumentChoice {
    public init?(argument: String) {
        self.init(named: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}

extension PageOrientation: ArgumentChoice {}

/// `--format` values; a CLI type so BlueprintRender stays free of ArgumentParser.
enum DiagramFormat: String, ArgumentChoice {
    case svg, png, pdf, dot

    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`, `.dot`, any case), if any.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }

    /// PNG and PDF are bytes a terminal would show as garbage.
    var isBinary: Bool { self == .png || self == .pdf }

    var renderFormat: RenderFormat {
        switch self {
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        case .dot: .dot
        }
    }
}

enum DiagramTheme: String, ArgumentChoice {
    case light, dark, print

    var renderTheme: RenderTheme {
        switch self {
        case .light: .light
        case .dark: .dark
        case .print: .print
        }
    }
}

extension NotesPlacement: ArgumentChoice {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw blueprints as service-blueprint diagrams.",
        discussion: """
        Each file is linted first; a file with lint errors is not drawn, its diagnostics are printed \
        and its old output is left as it was. With one file and no -o, the diagram goes to standard \
        output; '-' reads the blueprint from standard input. Several files (or a folder) need \
        --output-dir: NAME.blueprint becomes DIR/NAME.FORMAT.

        Without --format, the format is taken from the extension of -o (.svg, .png, .pdf, .dot), \
        else SVG; a --format that contradicts -o's extension is an error. PNG and PDF are never \
        written to a terminal. -o follows symbolic links, and writes a device, a FIFO or \
        /dev/stdout in place; it refuses to write over the blueprint being drawn.

        The sizes of the text measured are kept in $XDG_CACHE_HOME/blueprint/measured-text \
        (~/.cache/blueprint/measured-text) and used while the fonts, their configuration and the \
        libraries that measure them are unchanged: a drawing whose text is all there loads no \
        fonts. BLUEPRINT_NO_CACHE=1 turns this off.

        Exit status: 0 when every file was drawn, 1 when a file had lint errors or could not be \
        drawn or written, 2 when a file could not be read, a folder holds no .blueprint file, an \
        output was refused or an option is wrong.
        """
    )

    @Argument(help: "Blueprint files, or folders to search for them; '-' for standard input.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the diagram to this file ('-' for standard output).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write each diagram into this folder.", valueName: "dir"))
    var outputDirectory: String?

    @Option(help: """
        Output format: svg, png, pdf, or dot (the graph handed to Graphviz). By default the \
        extension of -o, else svg.
        """)
    var format: DiagramFormat?

    @Option(help: "Colour theme: light, dark, or print (greyscale, for paper).")
    var theme: DiagramTheme = .light

    @Option(help: """
        Where notes go: panel (a numbered marker on the box and a list under the legend, in every \
        format), tooltip (SVG hover text only), or off.
        """)
    var notes: NotesPlacement = .panel

    @Option(help: ArgumentHelp("""
        Set every label in this font family (as fontconfig names it) instead of the Noto Sans CJK \
        face of the blueprint's language: TC for zh-Hant, SC for zh-Hans and English.
        """, valueName: "family"))
    var font: String?

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .customLong("id-prefix"), help: ArgumentHelp(
        "Prefix every SVG id with this, so several diagrams can share one HTML page.", valueName: "prefix"))
    var idPrefix: String = ""

    @Option(help: ArgumentHelp("""
        Draw on pages of this paper: A4, A3, A2, A1, A0, letter, tabloid or slide (16:9). The \
        blueprint goes on one page when its step labels print at 8 pt or more there; otherwise it is \
        split between phases into as many pages as needed. SVG and PNG write one file per page \
        (NAME-1.svg, NAME-2.svg, …), PDF one file of every page, dot the graph of each page.
        """, valueName: "paper"))
    var page: PaperSize?

    @Option(help: "With --page: landscape (the default) or portrait.")
    var orientation: PageOrientation?

    @Option(help: ArgumentHelp("""
        Draw the file as a change from this older version of it: added steps and flows in green, \
        changed steps in amber (what changed in the tooltip and in the list under the diagram), \
        removed steps and flows listed under it, with a legend for the marks.
        """, valueName: "old"))
    var compare: String?

    @Flag(help: "Print only the diagnostics of files not drawn, without a summary line.")
    var quiet = false

    @Flag(help: """
        Draw a file with errors too, as far as it parses: marked "Draft: N errors" in its title block, \
        each step whose line has an error outlined in red dashes. Its diagnostics go to standard error.
        """)
    var draft = false

    @OptionGroup var color: ColorOption

    @Flag(help: "Draw again each time a file, or a .blueprintlint.yml that applies to it, is saved (needs -o FILE or --output-dir).")
    var watch = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one blueprint file to render, or '-' for standard input") }
        if watch && (output == nil || output == "-") && outputDirectory == nil {
            throw ValidationError("--watch needs -o FILE or --output-dir: the diagram is written again on every save")
        }
        if watch && files.contains("-") { throw ValidationError("--watch watches files; standard input cannot be watched") }
        if output != nil && outputDirectory != nil { throw ValidationError("use either -o or --output-dir, not both") }
        if files.count > 1 && outputDirectory == nil {
            throw ValidationError("several files need --output-dir")
        }
        if files.contains("-") && outputDirectory != nil && analysis.stdinFilename == nil {
            throw ValidationError("standard input needs --stdin-filename to name its diagram in --output-dir")
        }
        if orientation != nil && page == nil { throw ValidationError("--orientation needs --page") }
        if compare != nil && (files.count != 1 || watch) {
            throw ValidationError("--compare OLD draws one file, NEW, once: 'blueprint render --compare OLD NEW'")
        }
        if page != nil && watch { throw ValidationError("--page cannot be used with --watch; draw the pages once the blueprint is done") }
        if page != nil && draft { throw ValidationError("--page cannot be used with --draft; print the blueprint once it has no errors") }
        if !idPrefix.isEmpty && !Renderer.isValidIDPrefix(idPrefix) {
            throw ValidationError("--id-prefix takes letters, digits, '_', '-' and '.', starting with a letter or '_'")
        }
        if let format, let output, output != "-", let named = DiagramFormat(fileName: output), named != format {
            throw ValidationError("--format \(format.rawValue) contradicts -o '\(output)', a .\(named.rawValue) file name; make them agree or drop --format")
        }
        let toStandardOutput = outputDirectory == nil && (output.map(OutputDestination.isStandardOutput) ?? true)
        if resolvedFormat.isBinary && toStandardOutput && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("a \(resolvedFormat.rawValue.uppercased()) diagram is not written to a terminal; use -o FILE.\(resolvedFormat.rawValue) or redirect standard output")
        }
    }

    /// --format, else the format -o's extension names, else SVG.
    private var resolvedFormat: DiagramFormat {
        format ?? output.flatMap(DiagramFormat.init(fileName:)) ?? .svg
    }

    func run() throws {
        let readsStandardInput = files.contains("-")
        let inputs = InputFiles(files.filter { $0 != "-" })
        if !readsStandardInput, let nothingFound = inputs.nothingFoundMessage {
            printError("error: \(nothingFound)")
            throw ExitCode(2)
        }
        let paths = (readsStandardInput ? ["-"] : []) + inputs.paths
        if paths.count > 1 && outputDirectory == nil {
            throw ValidationError("several files need --output-dir")
        }
        if watch { return try runWatching(inputs) }
        let workspace = analysis.workspace()
        let fontFamily = font
        let format = resolvedFormat.renderFormat
        // Each file's face is named as soon as its syntax is read, before its checks and simulations:
        // pango, loading meanwhile (see `BlueprintCommand.main`), loads the first one named too.
        let lint = LintRun(paths: paths, missing: inputs.missing, workspace: workspace, language: analysis.lang.choice,
                           standardInputName: analysis.stdinFilename, transform: { document in
                               Renderer.prepare(locale: document.syntax.writtenLocale ?? .en, fontFamily: fontFamily, format: format)
                               return document
                           })
        let changes = try compare.flatMap { old in try lint.files.first.map { try changeMarks(from: old, to: $0.document, workspace: workspace) } }
        try draw(lint, paths: paths, inputs: inputs.paths, changes: changes)
    }

    /// Draws the files `lint` read (`paths` among the inputs), with `changes` marked, and writes their diagrams.
    func draw(_ lint: LintRun, paths: [String], inputs: [String], changes: ChangeMarks? = nil) throws {
        let targets = try outputPlan.targets(for: paths, fileExtension: resolvedFormat.rawValue)
        let destinations = try outputPlan.destinations(targets, inputs: inputs)
        for failure in lint.failures { printError(failure) }

        var failed = false
        let options = RenderOptions(
            format: resolvedFormat.renderFormat, theme: theme.renderTheme, idPrefix: idPrefix, notes: notes, fontFamily: font, changes: changes)
        // Drawn on all cores (Graphviz's own calls take turns; the rest overlaps), then reported and
        // written in input order.
        let session = RenderSession()
        let setup = page.map { PageSetup(paper: $0, orientation: orientation ?? .landscape) }
        let drawings = lint.files.concurrentMap { file -> Result<Drawing, DrawError> in
            Result { () throws(DrawError) in
                guard let setup else {
                    let output = try draft ? file.document.drawDraft(options, session: session) : file.document.draw(options, session: session)
                    return Drawing(files: [output.bytes], warnings: output.warnings, pages: [])
                }
                let output = try file.document.draw(options, page: setup, session: session)
                return Drawing(files: output.files, warnings: output.warnings, pages: output.pages)
            }
        }
        for (file, drawing) in zip(lint.files, drawings) {
            if case .failure(.lintErrors) = drawing {
                printError(TextReporter(colour: color.standardError, printsSummary: !quiet).render([file.report], filesLinted: 1))
                failed = true
                continue
            }
            // Warnings do not stop the drawing, nor do a draft's errors, but the designer should see them
            // (a build shows them too).
            if file.report.warningCount > 0 || file.report.errorCount > 0 {
                printError(TextReporter(colour: color.standardError, printsSummary: false).render([file.report], filesLinted: 1))
            }
            do {
                let rendered = try drawing.get()
                for warning in rendered.warnings { printError("\(file.document.path): warning: Graphviz: \(warning)") }
                let language = file.document.language(for: analysis.lang.choice)
                if let setup { reportPages(of: file.document.path, rendered.pages, setup: setup, in: language) }
                try write(rendered.files, for: file.path, targets: targets, destinations: destinations, inputs: inputs, in: language)
            } catch let error as DrawError {
                let message = Message(PageReportMessage.cannotDraw, ["error": .text("\(error)")])
                printError("\(file.document.path): error: " + message.text(in: file.document.language(for: analysis.lang.choice)))
                failed = true
            } catch let error as WriteError {
                printError("error: \(error)")
                failed = true
            }
        }
        if !lint.failures.isEmpty { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }

    /// What `--compare OLD` marks on `new`, in its language; an old file that cannot be read or parsed exits 2.
    private func changeMarks(from old: String, to new: Document, workspace: Workspace) throws -> ChangeMarks {
        let input = ComparedFiles(language: analysis.lang.choice, colour: color.standardError)
        let comparison: BlueprintComparison
        do {
            comparison = BlueprintComparison(old: try input.document(old, workspace: workspace), new: try input.checked(new))
        } catch {
            printError(String(describing: error))
            throw ExitCode(2)
        }
        let language: MessageLanguage? = if case .fixed(let language) = analysis.lang.choice { language } else { nil }
        let changes = DiffReport.drawingChanges(of: comparison, language: language)
        func kind(_ kind: ChangeKind) -> ChangeMarks.Kind { kind == .added ? .added : kind == .removed ? .removed : .changed }
        func entry(_ entry: DrawingChanges.Entry) -> ChangeMarks.Entry { ChangeMarks.Entry(kind: kind(entry.kind), text: entry.text) }
        func ends(_ flow: (from: String, to: String, arrow: FlowArrow, kind: ChangeKind, label: String?)) -> ChangeMarks.FlowEnds {
            ChangeMarks.FlowEnds(from: flow.from, to: flow.to, arrow: flow.arrow)
        }
        return ChangeMarks(
            steps: changes.steps.mapValues(entry), evidence: changes.evidence.mapValues(entry),
            flows: Dictionary(changes.flows.map { (ends($0), kind($0.kind)) }) { first, _ in first },
            removedFlowLabels: Dictionary(changes.flows.compactMap { flow in flow.kind == .removed ? flow.label.map { (ends(flow), $0) } : nil }) { first, _ in first },
            removedSteps: changes.removedSteps.map { ChangeMarks.RemovedStep(id: $0.id, lane: $0.lane, label: $0.label, phase: $0.phase) },
            list: changes.list.map(entry))
    }

    /// What one file's render made: a file per page for SVG and PNG with --page, else one.
    private struct Drawing: Sendable {
        var files: [[UInt8]]
        var warnings: [String]
        /// With --page, how each page fits its paper.
        var pages: [PrintedPage]
    }

    /// Writes the file of each page: to the target, or for several to NAME-1.EXT, NAME-2.EXT, … beside
    /// it, each refused like the target would be when it is one of the inputs.
    private func write(_ files: [[UInt8]], for path: String, targets: [String: String],
                       destinations: [String: OutputDestination], inputs: [String], in language: MessageLanguage) throws {
        guard files.count > 1 else {
            if let target = targets[path], let destination = destinations[path] {
                try destination.write(files[0], named: target, syncing: false)
            } else {
                try OutputDestination.descriptor(STDOUT_FILENO).write(files[0], named: "standard output")
            }
            return
        }
        // Several files need a file name to number; a device, a pipe or standard output has none.
        guard let target = targets[path], case .file = destinations[path] else {
            throw WriteError(path: targets[path] ?? "standard output",
                             reason: "the blueprint fills \(files.count) pages, one file each; give -o FILE or --output-dir to name them")
        }
        let pageTargets = Self.pageFileNames(target, count: files.count)
        let pageDestinations = try outputPlan.destinations(Dictionary(uniqueKeysWithValues: pageTargets.map { ($0, $0) }), inputs: inputs)
        for (pageTarget, bytes) in zip(pageTargets, files) {
            try pageDestinations[pageTarget]!.write(bytes, named: pageTarget, syncing: false)
        }
        if !quiet {
            let message = Message(PageReportMessage.wrotePages, ["count": .number(files.count), "files": .text(pageTargets.joined(separator: ", "))])
            printError("\(path): " + message.text(in: language))
        }
    }

    /// `a/plan.svg` → `a/plan-1.svg`, `a/plan-2.svg`, …
    static func pageFileNames(_ target: String, count: Int) -> [String] {
        let name = target as NSString
        let stem = name.deletingPathExtension, pathExtension = name.pathExtension
        return (1...count).map { stem + "-\($0)" + (pathExtension.isEmpty ? "" : "." + pathExtension) }
    }

    /// "plan.blueprint: 3 pages of A3 landscape, step labels at 8.4 pt or more", and a warning for each
    /// page whose labels print smaller than 8 pt, saying why.
    private func reportPages(of path: String, _ pages: [PrintedPage], setup: PageSetup, in language: MessageLanguage) {
        let orientation: PageReportMessage = setup.orientation == .landscape ? .landscape : .portrait
        let paper = MessageArgument.message(Message(orientation, ["paper": .text(setup.paper.name)]))
        let smallest = MessageArgument.number(Int(PageSetup.smallestLabelSize))
        func size(_ points: Double) -> MessageArgument { .text(String(format: "%.1f", points)) }
        for (index, page) in pages.enumerated() where page.labelSize < PageSetup.smallestLabelSize - 0.05 {
            let warning = Message(page.isLimitedByHeight ? PageReportMessage.smallLabelsTallBlueprint : .smallLabelsWidePhase,
                                  ["page": .number(index + 1), "size": size(page.labelSize), "paper": paper, "smallest": smallest])
            printError("\(path): warning: " + warning.text(in: language))
        }
        guard !quiet, let smallestLabel = pages.map(\.labelSize).min() else { return }
        let summary = pages.count == 1
            ? Message(PageReportMessage.onePage, ["paper": paper, "size": size(smallestLabel)])
            : Message(PageReportMessage.pages, ["count": .number(pages.count), "paper": paper, "size": size(smallestLabel)])
        printError("\(path): " + summary.text(in: language))
    }

    private var outputPlan: OutputPlan {
        OutputPlan(files: files, output: output, outputDirectory: outputDirectory, standardInputName: analysis.stdinFilename,
                   product: "the diagram")
    }
}
