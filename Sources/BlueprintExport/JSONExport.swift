// Placeholder until the JSON exporter lands (replaced by its own file).
enum JSONExport {
    static func text(_ input: ExportInput) -> String { fatalError("JSON export is not built yet") }
}
