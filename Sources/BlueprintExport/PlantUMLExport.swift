// Placeholder until the PlantUML exporter lands (replaced by its own file).
enum PlantUMLExport {
    static func text(_ input: ExportInput) -> String { fatalError("PlantUML export is not built yet") }
}
