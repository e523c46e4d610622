// Placeholder until the CSV exporter lands (replaced by its own file).
enum CSVExport {
    static func text(_ input: ExportInput) -> String { fatalError("CSV export is not built yet") }
}
