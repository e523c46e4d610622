import BlueprintAnalysis
import Foundation

/// What `blueprint preview` was asked to show, and where.
package struct PreviewOptions: Sendable {
    /// Blueprint files, as given (folders already expanded).
    package var paths: [String]
    package var host: ListenAddress
    /// Nil: `defaultPort`, or the next free port after it. 0: any free port the system picks.
    package var port: UInt16?
    /// The diagram theme the page starts with; nil follows the browser (light or dark).
    package var theme: String?
    package var language: LanguageChoice
    /// Poll file metadata even where file events are available.
    package var forcePolling: Bool
    /// What one client may hold of the server.
    package var limits: HTTPLimits

    package static let defaultPort: UInt16 = 8790
    /// How many ports after the default are tried when it is taken.
    static let portsTried: UInt16 = 20

    package init(paths: [String], host: ListenAddress, port: UInt16? = nil, theme: String? = nil,
                language: LanguageChoice = .auto, forcePolling: Bool = false, limits: HTTPLimits = HTTPLimits()) {
        self.paths = paths
        self.host = host
        self.port = port
        self.theme = theme
        self.language = language
        self.forcePolling = forcePolling
        self.limits = limits
    }
}

/// A local web server that shows blueprints and pushes every saved change to the pages showing them.
package final class PreviewServer: Sendable {
    package let options: PreviewOptions
    let hub: PreviewHub
    private let state = ServerState()

    package init(options: PreviewOptions, workspace: Workspace) {
        self.options = options
        hub = PreviewHub(paths: options.paths, workspace: workspace, language: options.language)
    }

    /// Binds the address, starts watching the files and returns the page's address.
    package func start() async throws(PreviewError) -> URL {
        let server = try listen()
        let port = server.port
        let hub = hub
        let watcher = hub.watch(forcePolling: options.forcePolling)
        let watching = Task {
            for await change in watcher.changes { await hub.apply(change) }
        }
        state.set(server: server, watcher: watcher, watching: watching)
        return URL(string: "http://\(options.host.urlHost):\(port)/")!
    }

    /// How changes are noticed: file events, or polling where they are not available.
    package var watchMechanism: FileWatcher.Mechanism? { state.watcher?.mechanism }

    /// Returns when the server stops.
    package func waitUntilStopped() async {
        await state.server?.waitUntilStopped()
    }

    package func stop() async {
        state.watcher?.stop()
        hub.disconnectAll()
        await state.server?.stop()
    }

    /// The number of pages listening for changes.
    package var connectedPages: Int { hub.subscriberCount }

    /// The connections open now, pages listening or not.
    var openConnections: Int { state.server?.connectionCount ?? 0 }

    /// The first port that binds: the one asked for, or the default and those after it.
    private func listen() throws(PreviewError) -> HTTPServer {
        let candidates: [UInt16] = options.port.map { [$0] }
            ?? Array(PreviewOptions.defaultPort..<PreviewOptions.defaultPort + PreviewOptions.portsTried)
        for candidate in candidates {
            let servedPort = ServedPort(candidate)
            let routes = PreviewRoutes(hub: hub, hostCheck: HostCheck(address: options.host), servedPort: servedPort,
                                       fileCount: options.paths.count, theme: options.theme)
            do throws(HTTPServer.ListenError) {
                let server = try HTTPServer(address: options.host, port: candidate, limits: options.limits,
                                            commonHeaders: PreviewRoutes.commonHeaders, handler: routes.handleRequest)
                servedPort.value = server.port
                return server
            } catch {
                switch error {
                case .addressInUse: continue
                case .failed(let reason): throw .cannotListen(reason)
                }
            }
        }
        if let port = options.port { throw .portInUse(port) }
        throw .noFreePort(from: candidates.first!, to: candidates.last!)
    }
}

/// What a started server holds on to.
private final class ServerState: @unchecked Sendable {
    // `@unchecked Sendable` is sound because every property is only touched with `lock` held.
    private let lock = NSLock()
    private var storedServer: HTTPServer?
    private var storedWatcher: WorkspaceWatch?
    private var storedWatching: Task<Void, Never>?

    func set(server: HTTPServer, watcher: WorkspaceWatch, watching: Task<Void, Never>) {
        lock.withLock {
            storedServer = server
            storedWatcher = watcher
            storedWatching = watching
        }
    }

    var server: HTTPServer? { lock.withLock { storedServer } }
    var watcher: WorkspaceWatch? { lock.withLock { storedWatcher } }
}

/// The port the server answers on, known only once it listens when the system picks it.
final class ServedPort: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `stored` is only touched with `lock` held.
    private let lock = NSLock()
    private var stored: UInt16

    init(_ port: UInt16) { stored = port }

    var value: UInt16 {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
