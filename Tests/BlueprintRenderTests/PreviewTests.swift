import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// Writes PNGs (and their SVG and DOT) of the reference diagrams for a person to look at, when `BLUEPRINT_PREVIEW_DIR` names a
/// folder: `BLUEPRINT_PREVIEW_DIR=out/preview swift test --filter PreviewTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BLUEPRINT_PREVIEW_DIR"] != nil))
struct PreviewTests {
    static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BLUEPRINT_PREVIEW_DIR"] ?? ".")

    @Test func writePreviews() throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        var sources: [(String, String)] = [
            ("spec-example", outageRepair),
            ("chinese", chineseClinic),
            ("generated-100", BlueprintGenerator.clean(steps: 100)),
        ]
        for file in exampleFiles() {
            sources.append((file.deletingPathExtension().lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
        }
        for (name, source) in sources {
            try write(blueprint(source), name: name, theme: .light)
        }
        try write(blueprint(outageRepair), name: "spec-example-dark", theme: .dark)
        try write(blueprint(outageRepair), name: "spec-example-print", theme: .print)
    }

    private func write(_ blueprint: Blueprint, name: String, theme: RenderTheme) throws {
        for format in [RenderFormat.png, .svg, .dot] {
            let output = try Renderer.render(blueprint, options: RenderOptions(format: format, theme: theme))
            try Data(output.bytes).write(to: Self.folder.appendingPathComponent("\(name).\(format.rawValue)"))
        }
    }
}
