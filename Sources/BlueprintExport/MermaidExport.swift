// Placeholder until the Mermaid exporter lands (replaced by its own file).
enum MermaidExport {
    static func text(_ input: ExportInput) -> String { fatalError("Mermaid export is not built yet") }
}
