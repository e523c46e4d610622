import ArgumentParser
import BlueprintLanguageServer
import Foundation

struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17) on standard input and output.",
        discussion: "Editors start it; see docs/EDITORS.md. It exits 0 after `shutdown` and `exit`, 1 on `exit` without `shutdown`."
    )

    @Flag(help: "Accepted for clients that pass it: standard input and output are the only transport.")
    var stdio = false

    @Option(help: "Milliseconds of quiet after an edit before diagnostics are computed.")
    var diagnosticsDelay = 50

    func validate() throws {
        guard LanguageServer.diagnosticsDelays.contains(diagnosticsDelay) else {
            throw ValidationError("--diagnostics-delay takes \(LanguageServer.diagnosticsDelays.lowerBound) to "
                + "\(LanguageServer.diagnosticsDelays.upperBound - 1) milliseconds")
        }
    }

    func run() throws {
        // A client that goes away must end the server through a failed write, not kill it mid-message.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(input: .standardInput, output: .standardOutput, diagnosticsDelay: diagnosticsDelay)
        Task {
            let code = await server.run()
            Foundation.exit(code)
        }
        dispatchMain()
    }
}
