import BlueprintTestSupport
import Foundation
import GraphvizBridge
import Testing

@Suite struct DOTSourceTests {
    static let dotCommand = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile)

    @Test func dotSourceNamesTheLayoutEngine() throws {
        let dot = try Graphviz.dotSource(smallBlueprintGraph(), layout: "nop")

        #expect(dot.hasPrefix("digraph blueprint {"))
        #expect(dot.contains("layout=nop"))
    }

    /// The `dot` command run on `dotSource` must draw exactly what the bridge draws in-process. Not
    /// the edge label: Graphviz places a label it is not given a place for by its measured size, and
    /// the bridge measures text unrounded where the command rounds it (TextAdvanceTests). Blueprint
    /// drawings place every label themselves; FormatTests holds them to the command's drawing.
    @Test(.enabled(if: dotCommand != nil, "needs the graphviz command-line tools"), arguments: ["nop", "dot"])
    func dotCommandReproducesTheInProcessSVG(layout: String) async throws {
        var graph = smallBlueprintGraph()
        for index in graph.edges.indices { graph.edges[index].attributes["label"] = nil }
        let inProcess = try Graphviz.render(graph, layout: layout, format: "svg")
        let dot = try Graphviz.dotSource(graph, layout: layout)

        let fromCommand = try await run(try #require(Self.dotCommand), arguments: ["-Tsvg"], input: Array(dot.utf8))

        #expect(fromCommand == inProcess.bytes)
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
