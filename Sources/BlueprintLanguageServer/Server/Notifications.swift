import BlueprintEncoding

/// The lifecycle's methods, which the server answers before its handler tables.
enum InitializeRequest {
    static let method = "initialize"
}

enum ShutdownRequest {
    static let method = "shutdown"
}

enum ExitNotification {
    static let method = "exit"
}

struct InitializedNotification: NotificationHandler {
    static let method = "initialized"

    static func handle(_ params: JSONValue, on server: isolated LanguageServer) {
        server.registerConfigurationWatcher()
    }
}

struct DidOpenNotification: NotificationHandler {
    static let method = "textDocument/didOpen"

    static func handle(_ params: LSP.DidOpenTextDocumentParams, on server: isolated LanguageServer) {
        server.didOpen(params)
    }
}

struct DidChangeNotification: NotificationHandler {
    static let method = "textDocument/didChange"

    static func handle(_ params: LSP.DidChangeTextDocumentParams, on server: isolated LanguageServer) {
        server.didChange(params)
    }
}

struct DidCloseNotification: NotificationHandler {
    static let method = "textDocument/didClose"

    static func handle(_ params: LSP.DidCloseTextDocumentParams, on server: isolated LanguageServer) {
        server.didClose(params.textDocument.uri)
    }
}

struct DidChangeWatchedFilesNotification: NotificationHandler {
    static let method = "workspace/didChangeWatchedFiles"

    static func handle(_ params: LSP.DidChangeWatchedFilesParams, on server: isolated LanguageServer) {
        server.didChangeWatchedFiles(params)
    }
}

struct CancelNotification: NotificationHandler {
    static let method = "$/cancelRequest"

    static func handle(_ params: LSP.CancelParams, on server: isolated LanguageServer) {
        server.cancel(params.id)
    }
}
