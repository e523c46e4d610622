import BlueprintAnalysis
import FlyingFox
import FlyingSocks
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

    package static let defaultPort: UInt16 = 8790
    /// How many ports after the default are tried when it is taken.
    static let portsTried: UInt16 = 20

    package init(paths: [String], host: ListenAddress, port: UInt16? = nil, theme: String? = nil,
                language: LanguageChoice = .auto, forcePolling: Bool = false) {
        self.paths = paths
        self.host = host
        self.port = port
        self.theme = theme
        self.language = language
        self.forcePolling = forcePolling
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
        let (server, port) = try await listen()
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
        _ = await state.serving?.result
    }

    package func stop() async {
        state.watcher?.stop()
        hub.disconnectAll()
        await state.server?.stop(timeout: 1)
    }

    /// The number of pages listening for changes.
    package var connectedPages: Int { hub.subscriberCount }

    /// The first port that binds: the one asked for, or the default and those after it.
    private func listen() async throws(PreviewError) -> (HTTPServer, UInt16) {
        let candidates: [UInt16] = options.port.map { [$0] }
            ?? Array(PreviewOptions.defaultPort..<PreviewOptions.defaultPort + PreviewOptions.portsTried)
        for candidate in candidates {
            do {
                return try await listen(on: candidate)
            } catch SocketError.failed(_, let code, _) where code == EADDRINUSE {
                continue
            } catch let error as PreviewError {
                throw error
            } catch {
                throw .cannotListen("\(error)")
            }
        }
        if let port = options.port { throw .portInUse(port) }
        throw .noFreePort(from: candidates.first!, to: candidates.last!)
    }

    private func listen(on port: UInt16) async throws -> (HTTPServer, UInt16) {
        let address: any SocketAddress = options.host.isIPv6
            ? try sockaddr_in6.inet6(ip6: options.host.ip, port: port)
            : try sockaddr_in.inet(ip4: options.host.ip, port: port)
        let servedPort = ServedPort(port)
        let routes = PreviewRoutes(hub: hub, hostCheck: HostCheck(address: options.host), servedPort: servedPort,
                                   fileCount: options.paths.count, theme: options.theme)
        let server = HTTPServer(config: .init(address: address, timeout: 15, logger: .disabled), handler: routes)
        let failure = BindFailure()
        let serving = Task {
            do { try await server.run() } catch { failure.error = error }
        }
        // Either the socket listens, or `run()` fails to bind; neither takes long.
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = failure.error { throw error }
            guard ContinuousClock.now < deadline else { throw PreviewError.cannotListen("the server did not start listening") }
            try await Task.sleep(for: .milliseconds(2))
        }
        guard let bound = await server.listeningAddress, let boundPort = Self.port(of: bound) else {
            throw PreviewError.cannotListen("the server did not report its address")
        }
        servedPort.value = boundPort
        state.serving = serving
        return (server, boundPort)
    }

    private static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }
}

/// Why `run()` ended before the server listened.
private final class BindFailure: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `stored` is only touched with `lock` held.
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// What a started server holds on to.
private final class ServerState: @unchecked Sendable {
    // `@unchecked Sendable` is sound because every property is only touched with `lock` held.
    private let lock = NSLock()
    private var storedServer: HTTPServer?
    private var storedWatcher: WorkspaceWatch?
    private var storedWatching: Task<Void, Never>?
    private var storedServing: Task<Void, Never>?

    func set(server: HTTPServer, watcher: WorkspaceWatch, watching: Task<Void, Never>) {
        lock.withLock {
            storedServer = server
            storedWatcher = watcher
            storedWatching = watching
        }
    }

    var server: HTTPServer? { lock.withLock { storedServer } }
    var watcher: WorkspaceWatch? { lock.withLock { storedWatcher } }
    var serving: Task<Void, Never>? {
        get { lock.withLock { storedServing } }
        set { lock.withLock { storedServing = newValue } }
    }
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
