// Placeholder until the BPMN exporter lands (replaced by its own file).
enum BPMNExport {
    static func text(_ input: ExportInput) -> String { fatalError("BPMN export is not built yet") }
}
