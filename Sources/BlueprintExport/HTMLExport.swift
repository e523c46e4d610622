// Placeholder until the HTML exporter lands (replaced by its own file).
enum HTMLExport {
    static func text(_ input: ExportInput) -> String { fatalError("HTML export is not built yet") }
}
