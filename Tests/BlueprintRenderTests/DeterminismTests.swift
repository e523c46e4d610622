import BlueprintModel
@testable import BlueprintRender
import Testing

@Suite struct DeterminismTests {
    /// Renders of other diagrams in between change what the allocator hands out; Graphviz orders
    /// subgraphs by the address of their names, so this catches output that depends on memory layout.
    @Test(arguments: RenderFormat.allCases)
    func sameInputGivesTheSameBytes(format: RenderFormat) throws {
        let options = RenderOptions(format: format)
        let first = try Renderer.render(blueprint(outageRepair), options: options).bytes
        for round in 0..<8 {
            _ = try Renderer.render(blueprint(SyntheticBlueprint.source(steps: 5 + round * 7)), options: options)
            _ = try Renderer.render(blueprint(chineseClinic), options: options)
            #expect(try Renderer.render(blueprint(outageRepair), options: options).bytes == first, "round \(round)")
        }
    }
}
