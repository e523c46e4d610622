import BlueprintAnalysis
import BlueprintExport
import BlueprintModel
import BlueprintTestSupport
import Foundation
import Testing

/// The data formats (JSON, Markdown, CSV, HTML) on the spec's examples and every example blueprint.
///
/// The golden files under Golden/ are the exports of the spec's example 5.1. After a deliberate
/// change, write them again and review the diff:
///
///     BLUEPRINT_UPDATE_EXPORT_GOLDEN=1 swift test --filter DataExportTests
@Suite struct DataExportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let examples: [(name: String, text: String)] = {
        let folder = CommandRunner.packageRoot.appendingPathComponent("blueprints")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".blueprint") }.sorted() ?? []
        return [("outage-repair-spec", outageRepair), ("counter-service-spec", counterService)]
            + files.map { ($0, try! String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }()

    static func export(_ text: String, to format: ExportFormat, svg: String? = nil) -> String {
        Exporter.export(ExportInput(document: Document(path: "example.blueprint", text: text), svg: svg), to: format)
    }

    @Test(arguments: [ExportFormat.json, .markdown, .csv, .html])
    func specExampleMatchesItsGoldenFile(format: ExportFormat) throws {
        // The HTML page's structure around a stand-in drawing: the drawing itself is the renderer's.
        let output = Self.export(counterService, to: format, svg: format == .html ? #"<?xml version="1.0"?><svg id="drawing"></svg>"# : nil)
        let file = Self.golden.appendingPathComponent("counter-service.\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["BLUEPRINT_UPDATE_EXPORT_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: file)
        }
        // Read as bytes: a string read from a file loses the CSV's byte-order mark.
        let expected = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(output == expected, "run BLUEPRINT_UPDATE_EXPORT_GOLDEN=1 swift test --filter DataExportTests and review the diff")
    }

    @Test func everyJSONExportValidatesAgainstTheSchema() async throws {
        let folder = try TemporaryFolder("json-export")
        var paths: [String] = []
        for example in Self.examples {
            let url = folder.url(example.name + ".json")
            try Data(Self.export(example.text, to: .json).utf8).write(to: url)
            paths.append(url.path)
        }
        let schema = CommandRunner.packageRoot.appendingPathComponent("docs/schema/blueprint-export-1.schema.json").path
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            failed = False
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    print(f"{path}: {error.json_path}: {error.message}")
                    failed = True
            sys.exit(1 if failed else 0)
            """
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let result = try await CommandRunner.run(python, ["python3", "-c", script, schema] + paths)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func jsonCarriesThePromiseAnalysis() throws {
        let json = try #require(JSONSerialization.jsonObject(with: Data(Self.export(outageRepair, to: .json).utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let promise = try #require((json["promises"] as? [[String: Any]])?.first)
        #expect(promise["status"] as? String == "kept")
        #expect(promise["worstCost"] as? Int == 41 * 60)
        #expect(promise["worstPath"] as? [String] == ["report", "log", "dispatch", "notify", "waits", "arrive"])
        let counter = try #require(JSONSerialization.jsonObject(with: Data(Self.export(counterService, to: .json).utf8)) as? [String: Any])
        let shared = try #require((counter["promises"] as? [[String: Any]])?.first)
        #expect(shared["forShare"] as? Double == 90)
        #expect(shared["status"] as? String == "broken")
        #expect((shared["simulatedShare"] as? Double).map { abs($0 - 70) < 1 } == true)
    }

    @Test(arguments: examples.map(\.name))
    func csvRoundTripKeepsTheModel(name: String) throws {
        let text = try #require(Self.examples.first { $0.name == name }).text
        let original = Document(path: name, text: text)
        let csv = Exporter.export(ExportInput(document: original), to: .csv)
        let imported = try CSVImport.blueprint(from: Data(csv.utf8), title: original.blueprint.title ?? "", path: "imported.blueprint").get()
        let reread = Document(path: "imported.blueprint", text: imported)
        #expect(Exporter.export(ExportInput(document: reread), to: .csv) == csv)
        let before = original.blueprint, after = reread.blueprint
        #expect(after.title == before.title)
        #expect(after.steps.map(StepFacts.init) == before.steps.map(StepFacts.init))
        #expect(after.evidence.map { [$0.id, $0.label, $0.note ?? "", $0.channel ?? ""] } == before.evidence.map { [$0.id, $0.label, $0.note ?? "", $0.channel ?? ""] })
        #expect(Set(after.flows.map { FlowFacts($0, in: after) }) == Set(before.flows.map { FlowFacts($0, in: before) }))
        #expect(Set(after.recoveries.map { [after.steps[$0.from].id, after.steps[$0.to].id] })
            == Set(before.recoveries.map { [before.steps[$0.from].id, before.steps[$0.to].id] }))
        #expect(after.phases.filter { !$0.steps.isEmpty }.map(\.title) == before.phases.filter { !$0.steps.isEmpty }.map(\.title))
        #expect(reread.diagnostics.filter { $0.severity == .error && $0.rule.rawValue != "promise-broken" }.isEmpty)
    }

    @Test func importReadsAnyColumnOrderWithOrWithoutAByteOrderMark() throws {
        let sheet = [
            "Flows,ID,Lane,Label,Takes,Phase",
            "serve,arrive,顾客行为,\"Takes a ticket, then waits\",,Visit",
            #"leave : "says \"thanks\"; bye",serve,frontstage,Clerk serves,4m..6m,Visit"#,
            #",leave,Customer,"Leaves with the ""receipt""",,Visit"#,
            "",
        ].joined(separator: "\r\n")
        for bytes in [Data(sheet.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(sheet.utf8)] {
            let text = try CSVImport.blueprint(from: bytes, title: "柜台", path: "x.blueprint").get()
            #expect(text == """
                blueprint "柜台"

                phase "Visit"
                  customer   arrive "Takes a ticket, then waits"
                  frontstage serve  "Clerk serves", takes 4m..6m
                  customer   leave  "Leaves with the \\"receipt\\""

                arrive -> serve
                serve -> leave: "says \\"thanks\\"; bye"

                """)
        }
    }

    @Test func importReportsEachBadCellAtItsRowAndColumn() throws {
        let sheet = "lane,id,label,takes,flows,colour\ncustomer,a,A,,b\nfrontstage,b,B,4x,zz\nbogus,c,C,,\n"
        let header = try #require(CSVImport.blueprint(from: Data(sheet.utf8), title: "t", path: "t.blueprint").failure)
        #expect(header.problems.map { [$0.row, $0.column] } == [[1, 6]])
        #expect(header.problems[0].message.text(in: .en).contains("unknown column 'colour'"))
        let cells = try #require(CSVImport.blueprint(from: Data(sheet.replacing(",colour", with: "").utf8), title: "t", path: "t.blueprint").failure)
        #expect(cells.problems.map { [$0.row, $0.column] } == [[3, 4], [3, 5], [4, 1]])
        #expect(cells.problems[1].message.text(in: .en).contains("'zz'"))
        let comment = try #require(CSVImport.blueprint(from: Data("lane,id,label,takes\ncustomer,a,\"A # 1\",4m # about\n".utf8), title: "t", path: "t.blueprint").failure)
        #expect(comment.problems.map { [$0.row, $0.column] } == [[2, 4]])
        let missing = try #require(CSVImport.blueprint(from: Data("label\nA\n".utf8), title: "t", path: "t.blueprint").failure)
        #expect(missing.problems.count == 2)
        let notUTF8 = try #require(CSVImport.blueprint(from: Data([0x6C, 0x61, 0x6E, 0x65, 0x0A, 0xFF, 0xFE]), title: "t", path: "t.blueprint").failure)
        #expect(notUTF8.problems.map { [$0.row, $0.column] } == [[1, 1]])
    }

    @Test func markdownHeadingsAreInTheFilesLanguage() {
        let text = "blueprint \"报修\"\nlocale zh-Hans\nphase \"报告\"\ncustomer a \"打电话\", moment\nfrontstage b \"记录\", takes 4m\na -> b\n"
        let markdown = Self.export(text, to: .markdown)
        #expect(markdown.contains("## 承诺\n\n没有承诺。"))
        #expect(markdown.contains("## 阶段：报告"))
        #expect(markdown.contains("| 顾客行为 | a | 打电话 |  |  |  | ★ 关键时刻 |"))
        #expect(markdown.contains("## 关键时刻\n\n- `a` 打电话"))
    }

    @Test func htmlPageMakesNoRequestAndKeepsLabelsInsideItsScript() {
        let text = "blueprint \"t\"\ncustomer a \"</script><img src=x onerror=alert(1)>\"\n"
        let html = Self.export(text, to: .html, svg: "<svg></svg>")
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(!html.contains("<img") && html.contains(#"\u003c/script>\u003cimg"#))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}

/// What the sheet carries of a step.
private struct StepFacts: Equatable {
    var id, label, lane: String
    var phase: Int
    var moment: Bool
    var emotion, servers: Int?
    var actor, channel, note: String?
    var takes, wait: TimeSpan?
    var tolerance: Int?
    var failures: [String]
    var evidence: [Int]

    init(_ step: Step) {
        (id, label, lane, phase, moment) = (step.id, step.label, step.lane.rawValue, step.phase, step.isMomentOfTruth)
        (emotion, servers, actor, channel, note) = (step.emotion, step.servers, step.actor, step.channel, step.note)
        (takes, wait, tolerance) = (step.takesSpan, step.waitSpan, step.tolerance?.seconds)
        failures = step.failures.map(\.description)
        evidence = step.shownEvidence
    }
}

private struct FlowFacts: Hashable {
    var from, to, arrow: String
    var label: String?
    var share: Double?

    init(_ flow: Flow, in blueprint: Blueprint) {
        (from, to, arrow, label, share) = (blueprint.steps[flow.from].id, blueprint.steps[flow.to].id, flow.arrow.rawValue, flow.label, flow.share)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
