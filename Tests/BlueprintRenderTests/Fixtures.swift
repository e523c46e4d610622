import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import BlueprintLayout
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

func blueprint(_ source: String) -> Blueprint {
    Blueprint(syntax: Parser.parse(SourceText(source)))
}

/// The `blueprints/` folder at the package root.
let examplesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("blueprints")

func exampleFiles() -> [URL] {
    let files = (try? FileManager.default.contentsOfDirectory(at: examplesFolder, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "blueprint" }.sorted { $0.path < $1.path }
}

func renderSVG(_ blueprint: Blueprint, theme: RenderTheme = .light, idPrefix: String = "") throws -> [UInt8] {
    let output = try Renderer.render(blueprint, options: RenderOptions(format: .svg, theme: theme, idPrefix: idPrefix))
    #expect(output.warnings.isEmpty, "Graphviz warned: \(output.warnings)")
    return output.bytes
}

/// Boxes of an SVG's groups by id, from the points of their polygons and paths. Graphviz writes every
/// shape in the coordinates of one transformed root group, so the boxes compare directly.
struct SVGGeometry {
    struct Box: CustomStringConvertible {
        var minX, minY, maxX, maxY: Double
        var description: String { "(\(minX), \(minY))–(\(maxX), \(maxY))" }

        func isInside(_ other: Box, tolerance: Double = 1) -> Bool {
            minX >= other.minX - tolerance && maxX <= other.maxX + tolerance
                && minY >= other.minY - tolerance && maxY <= other.maxY + tolerance
        }
    }

    let document: XMLDocument
    let elementsByID: [String: XMLElement]

    init(_ svg: [UInt8]) throws {
        document = try XMLDocument(data: Data(svg), options: [])
        var elements: [String: XMLElement] = [:]
        for case let element as XMLElement in try document.nodes(forXPath: "//*[@id]") {
            if let id = element.attributes?.first(where: { $0.localName == "id" })?.stringValue {
                elements[id] = element
            }
        }
        elementsByID = elements
    }

    var ids: [String] { Array(elementsByID.keys) }

    func box(_ id: String) -> Box? {
        guard let element = elementsByID[id] else { return nil }
        return Self.box(of: Self.descendants(of: element).filter { ["polygon", "path"].contains(Self.localName(of: $0)) })
    }

    private static func box(of shapes: [XMLElement]) -> Box? {
        var xs: [Double] = [], ys: [Double] = []
        for shape in shapes {
            let attributes = shape.attributes ?? []
            let text = attributes.first { $0.name == "points" || $0.name == "d" }?.stringValue ?? ""
            let numbers = numbers(in: text)
            for pair in stride(from: 0, to: numbers.count - 1, by: 2) {
                xs.append(numbers[pair])
                ys.append(numbers[pair + 1])
            }
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// The box of a cluster: its first polygon, without its label.
    func frame(_ id: String) -> Box? {
        guard let element = elementsByID[id],
              let outline = (element.children ?? []).compactMap({ $0 as? XMLElement }).first(where: { Self.localName(of: $0) == "polygon" })
        else { return nil }
        return Self.box(of: [outline])
    }

    static func localName(of element: XMLElement) -> String {
        (element.name ?? "").split(separator: ":").last.map(String.init) ?? ""
    }

    static func descendants(of element: XMLElement) -> [XMLElement] {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        return children + children.flatMap(descendants)
    }

    static func numbers(in text: String) -> [Double] {
        var numbers: [Double] = []
        var current = ""
        for character in text {
            if character.isNumber || character == "." || (character == "-" && current.isEmpty) {
                current.append(character)
            } else {
                if let value = Double(current) { numbers.append(value) }
                current = character == "-" ? "-" : ""
            }
        }
        if let value = Double(current) { numbers.append(value) }
        return numbers
    }
}

/// A hospital visit in simplified Chinese, with labels long enough to wrap.
let chineseClinic = """
blueprint "门诊就医服务蓝图"
locale zh-Hans
persona "首次就诊的中年患者"
scenario "患者通过手机预约挂号，到医院完成就诊、缴费和取药"
promise "从到院签到到医生接诊不超过三十分钟" from checkin to consult within 30m

phase "预约"
  evidence   app      "医院微信小程序预约页面"
  customer   book     "在手机上预约内科专家号并选择就诊时间段", emotion 0, evidence app
  support    his      "医院信息系统（HIS）号源管理"
  backstage  confirm  "系统确认号源并发送短信提醒", takes 1m

phase "就诊"
  evidence   screen   "候诊大厅叫号屏幕"
  customer   checkin  "到院后在自助机上签到", evidence screen, wait 15m, tolerance 20m, emotion -1
  frontstage triage   "分诊护士测量血压并询问症状", actor "分诊护士", takes 5m
  frontstage consult  "医生问诊并开具检查单", moment, takes 10m, fail "检查单开错科室" recover fix
  backstage  fix      "医生工作站修改检查单", takes 3m
  customer   pay      "扫码缴费后去检验科抽血", emotion -2, moment

book -> confirm -> checkin -> triage -> consult -> pay
his ..> confirm
fix -> pay : "重新开单"

"""

/// The text of the SVG group with `id` (ids are escaped the way Graphviz writes them), to its first
/// closing tag; empty when there is none.
func group(withID id: String, in svg: String) -> String {
    let escaped = id.replacingOccurrences(of: "-", with: "&#45;")
    guard let start = svg.range(of: "<g id=\"\(escaped)\"") else { return "" }
    guard let end = svg.range(of: "</g>", range: start.upperBound..<svg.endIndex) else { return "" }
    return String(svg[start.lowerBound..<end.upperBound])
}

/// The baselines of the texts of the SVG group with `id`, top to bottom (SVG y grows downwards).
func textBaselines(ofGroup id: String, in svg: String) -> [Double] {
    group(withID: id, in: svg).components(separatedBy: "<text").dropFirst().compactMap { text in
        text.range(of: " y=\"").flatMap { Double(text[$0.upperBound...].prefix { $0 != "\"" }) }
    }
}

/// A parsed model drawn as the renderer draws a linted document's, for tests of the drawing alone.
extension Renderer {
    static func render(_ blueprint: Blueprint, options: RenderOptions = RenderOptions(), session: RenderSession? = nil)
        throws(RenderError) -> RenderOutput {
        try render(AnalysedBlueprint(blueprint), options: options, session: session)
    }

    static func render(_ blueprint: Blueprint, options: RenderOptions = RenderOptions(), page setup: PageSetup,
                       session: RenderSession? = nil) throws(RenderError) -> PagedRenderOutput {
        try render(AnalysedBlueprint(blueprint), options: options, page: setup, session: session)
    }
}
