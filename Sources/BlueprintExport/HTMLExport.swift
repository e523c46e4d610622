// placeholder until below
enum HTMLExport {
    static func text(_ input: ExportInput) -> String { "" }
}
