import BlueprintExport
import Testing

@Suite struct ExportFormatTests {
    @Test func everyFormatHasItsOwnExtension() {
        let extensions = ExportFormat.allCases.map(\.fileExtension)
        #expect(Set(extensions).count == extensions.count)
    }
}
