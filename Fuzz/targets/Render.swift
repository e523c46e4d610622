// libFuzzer target over the render path of a lint-clean file, up to the DOT text and the SVG
// post-processing: the layout with estimated word widths (no font, no Graphviz layout, so it stays
// fast), the DOT text read back by Graphviz's own parser, and every text that reaches the SVG.
// Every file that lints clean must render (issue: NUL and long strings broke the DOT text; control
// characters made SVG that is not XML).
@testable import BlueprintDiagnostics
import BlueprintEncoding
@testable import BlueprintLanguage
import BlueprintLayout
import BlueprintLint
@testable import BlueprintModel
@testable import BlueprintRender
@testable import GraphvizBridge

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let source = try? SourceText(bytes: UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let result = Linter().lint(LintContext(syntax: Parser.parse(source), source: source, promiseWork: fuzzPromiseWork))
    guard !result.hasErrors else { return 0 }
    let shown = result.analysed.replacingBlueprint(result.analysed.blueprint.displayable())
    let blueprint = shown.blueprint
    let content = DiagramContent(blueprint, promises: shown.promises, capacity: Renderer.stepCapacity(shown), theme: .light)
    let (graph, drawing) = Renderer.laidOutGraph(content, blueprint: blueprint, metrics: TextMetrics())
    require(drawing.width.isFinite && drawing.height.isFinite && drawing.width > 0 && drawing.height > 0,
            "the drawing is \(drawing.width) × \(drawing.height)")
    var texts: [String] = []
    // The attributes that can carry the file's words, each once, as nodes of a graph of their own
    // for Graphviz to read back: the rest of the drawing's DOT text is the same for every input,
    // and reading all of it made this target a third as fast.
    var wordsGraph = GraphvizGraph(name: "words")
    var seen = Set<String>()
    for attributes in graph.nodes.map(\.attributes) + graph.edges.map(\.attributes) + graph.subgraphs.map(\.attributes) {
        for (name, value) in attributes {
            let text = value.graphvizText(forAttribute: name)
            require(text.utf8.count <= GraphvizValue.scannerLimit, "attribute \(name) is \(text.utf8.count) bytes")
            require(!text.unicodeScalars.contains(where: isNotXMLText), "attribute \(name) holds a character XML cannot: \(text.debugDescription)")
            texts.append(text)
            if wordAttributes.contains(name), seen.insert(name + "=" + text).inserted {
                var node = GraphvizNode("n\(wordsGraph.nodes.count)")
                node.attributes[name] = value
                wordsGraph.nodes.append(node)
            }
        }
    }
    do {
        let dot = try Graphviz.dotSource(wordsGraph, layout: Renderer.layoutEngine)
        try GraphvizGate.shared.run { job throws(GraphvizError) in
            try job.withParsedGraph(dot) { _ throws(GraphvizError) in }
        }
    } catch {
        fatalError("a lint-clean file gives no DOT text Graphviz reads: \(error)")
    }
    let finished = SVGFinishing(blueprint: blueprint, idPrefix: "p-").finish(Array(fakeSVG(texts).utf8))
    require(!holdsNotXMLText(finished), "the finished SVG holds a character XML cannot")
    let svg = String(decoding: finished, as: UTF8.self)
    require(svg.contains("<title>") && svg.contains(#"id="p-graph0""#), "the SVG was not finished")
    return 0
}

private let wordAttributes: Set<String> = ["label", "xlabel", "tooltip", "id", "class", "URL", "href"]

/// What Graphviz writes for the texts, escaped as its SVG writer escapes them.
private func fakeSVG(_ texts: [String]) -> String {
    var svg = #"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"# + "\n"
    svg += #"<svg width="100pt" height="100pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#
    svg += #"<g id="graph0" class="graph">"#
    for (index, text) in texts.enumerated() {
        let escaped = XMLText.escaped(text, apostrophes: true)
        svg += ##"<g id="node\##(index)" class="node"><title>\##(escaped)</title><a xlink:href="#node\##(index)" xlink:title="\##(escaped)"><text>\##(escaped)</text></a></g>"##
    }
    return svg + "</g></svg>\n"
}

/// `isNotXMLText` on UTF-8 bytes, without decoding them: U+FFFE and U+FFFF are EF BF BE and EF BF BF.
private func holdsNotXMLText(_ bytes: [UInt8]) -> Bool {
    for (index, byte) in bytes.enumerated() {
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
    }
    return false
}

/// Characters XML 1.0 does not allow in a document: C0 controls but tab, line feed and carriage
/// return, and the noncharacters U+FFFE and U+FFFF.
private func isNotXMLText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0xFFFE, 0xFFFF: true
    default: false
    }
}
