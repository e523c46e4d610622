import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Testing

@Suite struct DeterminismTests {
    /// Renders of other diagrams in between change what the allocator hands out; Graphviz orders
    /// subgraphs by the address of their names, so this catches output that depends on memory layout.
    @Test(arguments: RenderFormat.allCases)
    func sameInputGivesTheSameBytes(format: RenderFormat) throws {
        let options = RenderOptions(format: format)
        let first = try Renderer.render(blueprint(outageRepair), options: options).bytes
        for round in 0..<8 {
            _ = try Renderer.render(blueprint(BlueprintGenerator.clean(steps: 5 + round * 7)), options: options)
            _ = try Renderer.render(blueprint(chineseClinic), options: options)
            #expect(try Renderer.render(blueprint(outageRepair), options: options).bytes == first, "round \(round)")
        }
    }

    /// A session only saves measuring again: every diagram of a batch is the same as drawn alone.
    @Test func sessionGivesTheSameBytes() throws {
        let session = RenderSession()
        let sources = [outageRepair, chineseClinic, BlueprintGenerator.clean(steps: 30)]
            + exampleFiles().map { try! String(contentsOf: $0, encoding: .utf8) }
        for round in 0..<2 {
            for source in sources {
                let alone = try Renderer.render(blueprint(source)).bytes
                #expect(try Renderer.render(blueprint(source), session: session).bytes == alone, "round \(round)")
            }
        }
    }
}
