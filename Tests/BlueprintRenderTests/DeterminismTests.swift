import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Dispatch
import Foundation
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

    /// `prepare` only loads pango and the fonts sooner: called on some threads while others draw,
    /// with a face named on some of them, every drawing is the one drawn alone.
    @Test func preparingWhileDrawingGivesTheSameBytes() throws {
        let alone = try Renderer.render(blueprint(chineseClinic)).bytes
        let drawings = Drawings()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            if index.isMultiple(of: 2) {
                Renderer.prepare()
                if index.isMultiple(of: 4) { Renderer.prepare(locale: .zhHant, fontFamily: nil, format: index.isMultiple(of: 8) ? .png : .svg) }
            } else if let bytes = try? Renderer.render(blueprint(chineseClinic)).bytes {
                drawings.append(bytes)
            }
        }
        #expect(drawings.all == Array(repeating: alone, count: 4))
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

/// Drawings made on several threads.
private final class Drawings: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [[UInt8]] = []

    func append(_ drawing: [UInt8]) { lock.withLock { bytes.append(drawing) } }
    var all: [[UInt8]] { lock.withLock { bytes } }
}
