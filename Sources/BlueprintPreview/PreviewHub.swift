import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintRender
import Foundation

/// The previewed files, their last good diagrams and the pages listening for changes.
///
/// Everything happens on one serial queue: a burst of saves is analysed and drawn in order, a page
/// that connects meanwhile gets the newest state, and Graphviz (which takes one call at a time
/// anyway) never blocks Swift's cooperative threads.
final class PreviewHub: @unchecked Sendable {
    // `@unchecked Sendable` is sound because every stored property below is only touched on `queue`.
    private let queue = DispatchQueue(label: "blueprint.preview.hub")
    private let workspace: Workspace
    private let language: LanguageChoice
    private var session = RenderSession()
    private var rendersInSession = 0
    private var files: [PreviewedFile]
    private var subscribers: [UUID: Subscriber] = [:]

    /// The measurements a session keeps grow with every new word typed; a fresh one now and then keeps memory flat.
    private static let rendersPerSession = 200

    private struct Subscriber {
        var file: Int
        var theme: RenderTheme
        var stream: EventStreamBody
    }

    init(paths: [String], workspace: Workspace, language: LanguageChoice) {
        self.workspace = workspace
        self.language = language
        files = paths.map(PreviewedFile.init)
        let first = workspace.reload(paths)
        queue.sync { _ = show(first) }
    }

    var paths: [String] { queue.sync { files.map(\.path) } }

    var subscriberCount: Int { queue.sync { subscribers.count } }

    // MARK: Changes

    /// Follows the previewed files and the configuration that applies to them (see `apply`).
    func watch(forcePolling: Bool) -> WorkspaceWatch {
        workspace.watch(paths, forcePolling: forcePolling)
    }

    /// The workspace read saved files or configuration again: tell the pages showing what changed.
    /// Returns once every page has been sent its update.
    func apply(_ change: WorkspaceChange) async {
        await onQueue { [self] in
            for index in show(change) {
                for subscriber in subscribers.values where subscriber.file == index {
                    subscriber.stream.post(event(for: index, theme: subscriber.theme))
                }
            }
        }
    }

    /// Takes in what `change` says of the previewed files; returns the files whose page changed.
    private func show(_ change: WorkspaceChange) -> [Int] {
        let documents = Dictionary(change.documents.map { ($0.path, $0) }, uniquingKeysWith: { _, later in later })
        return files.indices.filter { index in
            let path = files[index].path
            if let document = documents[path] { return update(index, document: document, problem: nil) }
            guard let failure = change.failures[path] else { return false }
            let problem = FileManager.default.fileExists(atPath: path)
                ? FileProblem(state: .unreadable, message: "\(failure)")
                : FileProblem(state: .missing, message: PreviewMessage.fileDeleted.text(in: pageLanguage(of: files[index]), ["path": .text(path)]))
            return update(index, document: nil, problem: problem)
        }
    }

    /// Shows `document` (nil when it could not be read) for file `index`; returns whether anything the page shows changed.
    private func update(_ index: Int, document: Document?, problem: FileProblem?) -> Bool {
        let file = files[index]
        let unchanged = problem == file.problem && document?.source.bytes == file.document?.source.bytes
            && document?.configuration == file.document?.configuration
        guard !unchanged || file.revision == 0 else { return false }

        files[index].revision += 1
        files[index].document = document
        files[index].problem = problem
        files[index].events = [:]
        if let document, !document.hasErrors {
            // Another configuration does not change the drawing: only new text is drawn again.
            if document.source.bytes != file.lastGood?.source.bytes {
                files[index].drawings = [:]
                files[index].lastGoodRevision = files[index].revision
            }
            files[index].lastGood = document
        }
        return true
    }

    // MARK: Pages

    /// The stream of server-sent events for a page showing file `index` in `theme`: the current
    /// state at once, then every change. A page that reads slowly gets only the newest state.
    func subscribe(file index: Int, theme: RenderTheme) -> EventStreamBody {
        let id = UUID()
        let stream = EventStreamBody()
        stream.whenEnded { [weak self] in
            guard let self else { return }
            queue.async { self.subscribers[id] = nil }
        }
        queue.async { [self] in
            subscribers[id] = Subscriber(file: index, theme: theme, stream: stream)
            stream.post(event(for: index, theme: theme))
        }
        return stream
    }

    /// Ends every page's stream, for a server that stops.
    func disconnectAll() {
        let streams = queue.sync {
            defer { subscribers = [:] }
            return subscribers.values.map(\.stream)
        }
        for stream in streams { stream.end() }
    }

    /// The diagram of file `index` as a file to download: the last one drawn without errors.
    /// Called from a connection's own thread, which may wait for the queue.
    func download(file index: Int, format: RenderFormat, theme: RenderTheme) -> Result<RenderOutput, DownloadFailure> {
        queue.sync { [self] in
            guard let document = files[index].lastGood else { return .failure(.nothingDrawn) }
            let options = RenderOptions(format: format, theme: theme)
            return Result { () throws(DrawError) in try render(document, options: options) }
                .mapError(DownloadFailure.renderFailed)
        }
    }

    /// One line of the index page per file.
    func indexEntries() -> [IndexEntry] {
        queue.sync { [self] in
            files.indices.map { index in
                let file = files[index]
                let shown = file.document ?? file.lastGood
                let promises = shown?.analysed.promises ?? []
                return IndexEntry(
                    index: index, path: file.path, title: shown?.blueprint.title, stepCount: shown?.blueprint.steps.count,
                    errorCount: file.document?.diagnostics.count { $0.severity == .error } ?? 0,
                    warningCount: file.document?.diagnostics.count { $0.severity == .warning } ?? 0,
                    keptPromises: promises.count { $0.status == .kept },
                    unkeptPromises: promises.count { $0.status != .kept },
                    problem: file.problem?.message, language: shown?.language(for: language) ?? .en)
            }
        }
    }

    /// Runs `work` on the queue without holding a cooperative thread while it waits or draws.
    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    // MARK: Drawing

    /// The server-sent event with the state of file `index` in `theme`, drawn once per revision and theme.
    private func event(for index: Int, theme: RenderTheme) -> [UInt8] {
        if let cached = files[index].events[theme.name] { return cached }
        let file = files[index]
        var problem = file.problem
        var diagram: DiagramPayload?
        // Once the file has been clean, its last good diagram stays while errors come and go: a draft
        // redrawn at every keystroke would jump about under the designer's eyes. Before that, a draft of
        // what parses beats an empty page.
        let drawn: Result<DiagramPayload, DrawError>? = if let good = file.lastGood {
            drawing(of: good, index: index, theme: theme)
        } else if problem == nil, let current = file.document {
            draft(of: current, revision: file.revision, theme: theme)
        } else {
            nil
        }
        switch drawn {
        case .success(let payload)?: diagram = payload
        case .failure(let error)?:
            let message = Message(PageReportMessage.cannotDraw, ["error": .text("\(error)")]).text(in: pageLanguage(of: file))
            problem = FileProblem(state: .unreadable, message: message)
        case nil: break
        }
        let diagnostics = file.document.map { DiagnosticLine.lines(of: $0, language: language) } ?? []
        let state: PreviewSnapshot.State = problem?.state ?? (file.document?.hasErrors == true ? .errors : .ready)
        let snapshot = PreviewSnapshot(
            revision: file.revision, path: file.path, state: state, problem: problem?.message, diagnostics: diagnostics,
            errorCount: diagnostics.count { $0.severity == "error" }, warningCount: diagnostics.count { $0.severity == "warning" },
            diagram: diagram, language: pageLanguage(of: file))
        let event = ServerSentEvent.encode(snapshot, id: file.revision)
        files[index].events[theme.name] = event
        return event
    }

    /// The language of the file's page: its messages', or English for a file never read.
    private func pageLanguage(of file: PreviewedFile) -> MessageLanguage {
        (file.document ?? file.lastGood)?.language(for: language) ?? .en
    }

    private func drawing(of document: Document, index: Int, theme: RenderTheme) -> Result<DiagramPayload, DrawError> {
        if let cached = files[index].drawings[theme.name] { return cached }
        let revision = files[index].lastGoodRevision
        let result = Result { () throws(DrawError) in
            let output = try render(document, options: RenderOptions(format: .svg, theme: theme))
            return DiagramPayload(document: document, revision: revision, theme: theme, isDraft: false,
                                  svg: String(decoding: output.bytes, as: UTF8.self), language: document.language(for: language))
        }
        files[index].drawings[theme.name] = result
        return result
    }

    /// The draft of a file that has not been free of errors yet, drawn once per revision (the event is cached).
    private func draft(of document: Document, revision: Int, theme: RenderTheme) -> Result<DiagramPayload, DrawError> {
        Result { () throws(DrawError) in
            let output = try render(document, options: RenderOptions(format: .svg, theme: theme), asDraft: true)
            return DiagramPayload(document: document, revision: revision, theme: theme, isDraft: true,
                                  svg: String(decoding: output.bytes, as: UTF8.self), language: document.language(for: language))
        }
    }

    private func render(_ document: Document, options: RenderOptions, asDraft: Bool = false) throws(DrawError) -> RenderOutput {
        rendersInSession += 1
        if rendersInSession > Self.rendersPerSession {
            session = RenderSession()
            rendersInSession = 1
        }
        return asDraft ? try document.drawDraft(options, session: session) : try document.draw(options, session: session)
    }
}

/// Why a file has no fresh diagram.
struct FileProblem: Equatable {
    var state: PreviewSnapshot.State
    var message: String
}

enum DownloadFailure: Error {
    /// The file has never been free of lint errors since the preview started.
    case nothingDrawn
    case renderFailed(DrawError)
}

/// One previewed file as the hub keeps it.
private struct PreviewedFile {
    let path: String
    var revision = 0
    /// The newest readable version, errors or not.
    var document: Document?
    var problem: FileProblem?
    /// The newest version without lint errors: the one drawn.
    var lastGood: Document?
    var lastGoodRevision = 0
    /// Drawings of `lastGood`, by theme name.
    var drawings: [String: Result<DiagramPayload, DrawError>] = [:]
    /// The event for the current revision, by theme name.
    var events: [String: [UInt8]] = [:]

    init(path: String) {
        self.path = path
    }
}

struct IndexEntry: Sendable {
    var index: Int
    var path: String
    var title: String?
    var stepCount: Int?
    var errorCount: Int
    var warningCount: Int
    var keptPromises: Int
    /// Broken, unreachable or naming a step that does not exist.
    var unkeptPromises: Int
    var problem: String?
    /// The language of the file's messages.
    var language: MessageLanguage
}

/// The `text/event-stream` framing of one event.
enum ServerSentEvent {
    /// How long the browser waits before it connects again after losing the server.
    static let retryMilliseconds = 1000

    static func encode(_ value: some Encodable, id: Int) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // JSON without pretty-printing has no line breaks, so it fits on one `data:` line.
        let json = (try? encoder.encode(value)) ?? Data("null".utf8)
        return Array("retry: \(retryMilliseconds)\nid: \(id)\ndata: ".utf8) + json + Array("\n\n".utf8)
    }
}
