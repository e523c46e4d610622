import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
import GraphvizBridge
import Testing

@Suite struct FormatTests {
    static let dotCommand = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile)

    @Test func binaryFormatsHaveTheirSignatures() throws {
        let model = blueprint(outageRepair)
        let png = try Renderer.render(model, options: RenderOptions(format: .png)).bytes
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try Renderer.render(model, options: RenderOptions(format: .pdf)).bytes
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func dotNamesItsLayoutAndPinsEveryNode() throws {
        let dot = String(decoding: try Renderer.render(blueprint(outageRepair), options: RenderOptions(format: .dot)).bytes, as: UTF8.self)
        #expect(dot.contains("layout=nop2"))
        #expect(dot.contains("subgraph cluster_lane_customer"))
        let nodeStatements = dot.split(separator: "\n").filter { line in
            line.hasPrefix("\t") && !line.hasPrefix("\t\t") && line.contains(" [") && !line.contains(" -> ")
                && !["\tgraph [", "\tnode [", "\tedge ["].contains(where: line.hasPrefix)
        }
        // At least the 10 steps, 2 evidence items, and the titles of 5 lanes, 3 lines and 2 phases.
        #expect(nodeStatements.count > 10 + 2 + 5 + 3 + 2)
        #expect(nodeStatements.allSatisfy { $0.contains("!\"") }, "every node pinned with !")
    }

    /// The DOT text is the exact graph the renderer hands to Graphviz: the `dot` command draws the same SVG.
    @Test(.enabled(if: dotCommand != nil, "needs the graphviz command-line tools"), arguments: RenderTheme.all)
    func dotCommandReproducesTheDrawing(theme: RenderTheme) async throws {
        let model = blueprint(chineseClinic)
        let dot = try Renderer.render(model, options: RenderOptions(format: .dot, theme: theme)).bytes
        let svg = try Renderer.render(model, options: RenderOptions(format: .svg, theme: theme)).bytes

        let fromCommand = try await run(try #require(Self.dotCommand), arguments: ["-Tsvg"], input: dot)

        let finishing = SVGFinishing(blueprint: model, idPrefix: "")
        #expect(finishing.finish(fromCommand) == svg)
    }

    @Test func themesAreNamed() {
        #expect(RenderTheme.all.map(\.name) == ["light", "dark", "print"])
        #expect(RenderTheme(named: "print") == .print)
        #expect(RenderTheme(named: "sepia") == nil)
    }

    private func run(_ executable: String, arguments: [String], input: [UInt8]) async throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let output = try stdout.fileHandleForReading.readToEnd() ?? Data()
        await process.exited()
        #expect(process.terminationStatus == 0)
        return Array(output)
    }
}
