@testable import BlueprintRender
import BlueprintLayout
import BlueprintTestSupport
import Foundation
import Testing

/// What muddles a diagram, measured on the SVG by `scripts/diagram_metrics.py` as a reader would see
/// it: no arrow beside another or along one of the three lines, none through a box, no label twice;
/// crossings, junctions and crossed labels no more than today, so none can silently come back.
@Suite struct DiagramMetricsTests {
    /// The most crossings, junctions, crossed labels and arrows through lanes they do not join
    /// (`trespass`) each drawing may have: what it has now. Before connectors and the crossing search,
    /// the six examples had 27, 8, 17, 29, 4 and 18 crossings; before arrows kept to their bands, 1,
    /// 2, 2, 6, 3 and 4 arrows left them.
    static let ceilings: [String: (crossings: Int, junctions: Int, labelHits: Int, trespass: Int)] = [
        "bank-counter": (0, 0, 0, 0),
        "hospital-outpatient": (0, 0, 0, 0),
        "hotel-stay": (0, 0, 0, 0),
        "motor-insurance-claim": (1, 0, 0, 0),
        "outage-repair": (0, 0, 0, 0),
        "utility-new-connection": (3, 0, 0, 0),
        "spec-example": (0, 0, 0, 0),
        "generated-100": (0, 0, 0, 0),
    ]

    @Test func everyDrawingKeepsItsArrowsApartAndWithinItsCeilings() async throws {
        var drawings = try exampleFiles().map { file in
            (file.deletingPathExtension().lastPathComponent, blueprint(try String(contentsOf: file, encoding: .utf8)))
        }
        drawings += [("spec-example", blueprint(outageRepair)), ("generated-100", blueprint(BlueprintGenerator.clean(steps: 100)))]
        let figures = try await Self.measure(drawings.map { ($0.0, try renderSVG($0.1)) })
        for (name, _) in drawings {
            let measured = try #require(figures[name], "no figures for \(name)")
            for clean in ["shared", "hugging", "box_hits", "dup_labels"] {
                #expect(measured[clean] == 0, "\(name): \(clean) is \(measured[clean] ?? -1)")
            }
            let ceiling = try #require(Self.ceilings[name], "no ceiling for \(name)")
            #expect(measured["crossings"]! <= Double(ceiling.crossings), "\(name): \(measured["crossings"]!) crossings")
            #expect(measured["junctions"]! <= Double(ceiling.junctions), "\(name): \(measured["junctions"]!) junctions")
            #expect(measured["label_hits"]! <= Double(ceiling.labelHits), "\(name): \(measured["label_hits"]!) label hits")
            #expect(measured["trespass"]! <= Double(ceiling.trespass), "\(name): \(measured["trespass"]!) arrows through lanes they do not join")
        }
    }

    /// Blueprints of random flows between random lanes and phases, the shapes that made arrows leave
    /// their bands most, keep every arrow in its band all the same.
    @Test func generatedBlueprintsKeepEveryArrowInItsBand() async throws {
        let drawings = try (1...8 as ClosedRange<UInt64>).map { seed in
            ("shapes-\(seed)", try renderSVG(blueprint(BlueprintGenerator.routingShapes(seed: seed, maximumSteps: 35))))
        }
        let figures = try await Self.measure(drawings)
        for (name, _) in drawings {
            let measured = try #require(figures[name], "no figures for \(name)")
            #expect(measured["trespass"] == 0, "\(name): \(measured["trespass"] ?? -1) arrows through lanes they do not join")
            #expect(measured["box_hits"] == 0, "\(name): \(measured["box_hits"] ?? -1) arrows through boxes")
        }
    }

    /// A connector's chips stand beside their steps, in their own lanes, in every example, the spec
    /// example and the generated blueprints: a chip in another lane would read as a step of that lane.
    @Test func everyChipStandsInItsOwnStepsLane() throws {
        var drawings = try exampleFiles().map { file in
            (file.lastPathComponent, blueprint(try String(contentsOf: file, encoding: .utf8)))
        }
        drawings += [("spec example", blueprint(outageRepair))]
        drawings += (1...8 as ClosedRange<UInt64>).map { ("shapes \($0)", blueprint(BlueprintGenerator.routingShapes(seed: $0, maximumSteps: 35))) }
        var connectors = 0
        for (name, model) in drawings {
            let content = DiagramContent(model, promises: [], theme: .light)
            let metrics = try TextMetrics.measure(content.textRequest(), in: content.typeface)
            let router = Renderer.laidOut(content, blueprint: model, metrics: metrics).diagram.router
            for chip in router.chips {
                connectors += 1
                #expect(chip.start.side.isBesideStep && chip.end.side.isBesideStep,
                        "\(name): link \(chip.link) has a chip above or below its step")
            }
        }
        #expect(connectors > 10, "the drawings have connectors to check")
    }

    /// The script's figures for each drawing, by name.
    static func measure(_ drawings: [(name: String, svg: [UInt8])]) async throws -> [String: [String: Double]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try drawings.map { drawing in
            let file = folder.appendingPathComponent(drawing.name + ".svg")
            try Data(drawing.svg).write(to: file)
            return file.path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", examplesFolder.deletingLastPathComponent().appendingPathComponent("scripts/diagram_metrics.py").path] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        await process.exited()
        #expect(process.terminationStatus == 0)
        // `/tmp/…/NAME.svg: size=4036x881 aspect=4.58 a3_pt=2.5 crossings=7 …`
        var figures: [String: [String: Double]] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.range(of: ".svg: ") else { continue }
            let name = URL(fileURLWithPath: String(line[..<colon.lowerBound])).lastPathComponent
            for pair in line[colon.upperBound...].split(separator: " ") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let value = Double(parts[1]) { figures[name, default: [:]][String(parts[0])] = value }
            }
        }
        return figures
    }
}
