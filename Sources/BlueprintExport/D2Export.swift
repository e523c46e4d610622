// Placeholder until the D2 exporter lands (replaced by its own file).
enum D2Export {
    static func text(_ input: ExportInput) -> String { fatalError("D2 export is not built yet") }
}
