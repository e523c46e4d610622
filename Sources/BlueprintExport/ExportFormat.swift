import BlueprintAnalysis
import BlueprintLayout

/// The formats `blueprint export` writes.
package enum ExportFormat: String, CaseIterable, Sendable {
    case json, mermaid, plantuml, d2, bpmn, drawio, html, markdown, csv

    /// The file name extension of an exported file, without the dot.
    package var fileExtension: String {
        switch self {
        case .json: "json"
        case .mermaid: "mmd"
        case .plantuml: "puml"
        case .d2: "d2"
        case .bpmn: "bpmn"
        case .drawio: "drawio"
        case .html: "html"
        case .markdown: "md"
        case .csv: "csv"
        }
    }

    /// Formats that carry positions take them from our own layout, so they look like our diagram.
    package var needsGeometry: Bool { self == .bpmn || self == .drawio }

    /// The HTML page holds the drawing itself (SVG).
    package var needsDrawing: Bool { self == .html }
}

/// What an export reads: the analysed document, and the layout or the drawing when its format needs
/// them. The front end supplies those (this module never calls Graphviz).
package struct ExportInput: Sendable {
    package let document: Document
    package let geometry: DiagramGeometry?
    package let svg: String?

    package init(document: Document, geometry: DiagramGeometry? = nil, svg: String? = nil) {
        self.document = document
        self.geometry = geometry
        self.svg = svg
    }
}

package enum Exporter {
    /// The text of `input` in `format`. The caller has already refused a document with lint errors.
    package static func export(_ input: ExportInput, to format: ExportFormat) -> String {
        switch format {
        case .json: JSONExport.text(input)
        case .mermaid: MermaidExport.text(input)
        case .plantuml: PlantUMLExport.text(input)
        case .d2: D2Export.text(input)
        case .bpmn: BPMNExport.text(input)
        case .drawio: DrawIOExport.text(input)
        case .html: HTMLExport.text(input)
        case .markdown: MarkdownExport.text(input)
        case .csv: CSVExport.text(input)
        }
    }
}
