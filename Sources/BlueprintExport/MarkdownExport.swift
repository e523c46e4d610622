// Placeholder until the Markdown exporter lands (replaced by its own file).
enum MarkdownExport {
    static func text(_ input: ExportInput) -> String { fatalError("Markdown export is not built yet") }
}
