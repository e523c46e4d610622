// Placeholder until the DrawIO exporter lands (replaced by its own file).
enum DrawIOExport {
    static func text(_ input: ExportInput) -> String { fatalError("DrawIO export is not built yet") }
}
