import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `render`: the format from -o's extension, contradictions, binary output and standard input.
@Suite struct RenderFormatTests {
    private func bytes(_ workspace: borrowing Workspace, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: workspace.url.appendingPathComponent(path)))
    }

    @Test func theFormatComesFromTheExtensionOfO() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        for (name, magic) in [("guess.png", [0x89, 0x50, 0x4E, 0x47]), ("guess.PDF", Array("%PDF".utf8)), ("guess.svg", Array("<?xm".utf8))] {
            let result = try await Blueprint.run(["render", "a.blueprint", "-o", name], in: workspace.url)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try bytes(workspace, name).prefix(4) == magic[...], "\(name)")
        }
        #expect(try await Blueprint.run(["render", "a.blueprint", "-o", "graph.dot"], in: workspace.url).status == 0)
        #expect(try String(contentsOf: workspace.url.appendingPathComponent("graph.dot"), encoding: .utf8).contains("digraph"))
        // An extension that names no format leaves SVG, the default.
        #expect(try await Blueprint.run(["render", "a.blueprint", "-o", "diagram.out"], in: workspace.url).status == 0)
        #expect(try bytes(workspace, "diagram.out").prefix(4) == Array("<?xm".utf8)[...])
    }

    @Test func aFormatThatContradictsTheExtensionIsAnError() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let result = try await Blueprint.run(["render", "a.blueprint", "--format", "png", "-o", "x.svg"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--format png contradicts -o 'x.svg'"))
        #expect(result.standardError.contains("Usage: blueprint render"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("x.svg")))
        // Agreeing ones are fine, whatever the case of the extension.
        #expect(try await Blueprint.run(["render", "a.blueprint", "--format", "png", "-o", "x.PNG"], in: workspace.url).status == 0)
    }

    @Test(.enabled(if: Terminal.isAvailable, "needs util-linux's script (Linux)"))
    func binaryFormatsAreNeverWrittenToATerminal() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        for format in ["png", "pdf"] {
            let result = try await Terminal.run(["render", "a.blueprint", "--format", format], in: workspace.url)
            #expect(result.status == 2)
            #expect(result.standardOutput.contains("diagram is not written to a terminal; use -o FILE.\(format)"))
            #expect(!result.standardOutput.contains(format == "png" ? "PNG\r\n" : "%PDF"))
        }
        // SVG is text, and a PNG through a pipe or a file is fine.
        await #expect(try Terminal.run(["render", "a.blueprint"], in: workspace.url).standardOutput.contains("<svg"))
        let piped = try await Blueprint.run(["render", "a.blueprint", "--format", "png"], in: workspace.url)
        #expect(piped.status == 0 && piped.standardOutput.utf8.count > 1000)
    }

    @Test func standardInputIsRenderedUnderItsStdinFilename() async throws {
        let workspace = try Workspace([".blueprintlint.yml": "rules:\n  promise-untimed: error\n"])
        let result = try await Blueprint.run(["render", "-", "--stdin-filename", "docs/counter.blueprint"], in: workspace.url,
                                       input: Data(cleanFile.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("<svg"))

        // Its configuration and its name in messages come from --stdin-filename.
        let untimed = cleanFile.replacingOccurrences(of: ", takes 2m", with: "") + "promise \"Fast\" from ask to print within 5m\n"
        let refused = try await Blueprint.run(["render", "-", "--stdin-filename", "docs/counter.blueprint"], in: workspace.url, input: Data(untimed.utf8))
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("docs/counter.blueprint:3:12: error:"))

        let intoFolder = try await Blueprint.run(["render", "-", "--stdin-filename", "counter.blueprint", "--output-dir", "out"], in: workspace.url,
                                           input: Data(cleanFile.utf8))
        #expect(intoFolder.status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.path("out/counter.svg")))
    }
}

/// `render --draft`: a file with errors drawn as far as it parses, marked as a draft; without the flag
/// it is refused as before.
@Suite struct RenderDraftTests {
    private let firstDraft = """
    blueprint "Broadband installation"
    phase "Order"
      customer   order   "Orders broadband online"
      frontstage answer  "Agent confirms the date", takes 5 min
    order -> answer

    """

    @Test func aDraftIsDrawnMarkedAndItsErrorsArePrinted() async throws {
        let workspace = try Workspace(["a.blueprint": firstDraft])
        let refused = try await Blueprint.run(["render", "a.blueprint", "-o", "a.svg"], in: workspace.url)
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("a.svg")))

        let drafted = try await Blueprint.run(["render", "a.blueprint", "-o", "a.svg", "--draft"], in: workspace.url)
        #expect(drafted.status == 0, "\(drafted.standardError)")
        #expect(drafted.standardError.contains("a.blueprint:4:"), "the error is not reported: \(drafted.standardError)")
        let svg = try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: workspace.path("a.svg"))), options: [])
        let mark = try svg.nodes(forXPath: "//*[@id='draft-mark']//*[local-name()='text']").map { $0.stringValue ?? "" }
        #expect(mark == ["Draft: 1 error"])
        let marked = try svg.nodes(forXPath: "//*[contains(concat(' ', @class, ' '), ' draft-error ')]/@id").map { $0.stringValue ?? "" }
        #expect(marked == ["step-answer"])
    }

    @Test func aDraftIsNotPrinted() async throws {
        let workspace = try Workspace(["a.blueprint": firstDraft])
        let result = try await Blueprint.run(["render", "a.blueprint", "-o", "a.pdf", "--draft", "--page", "A4"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--page cannot be used with --draft"))
    }
}
