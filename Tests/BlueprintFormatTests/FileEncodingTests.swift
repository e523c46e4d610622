import BlueprintFormat
import BlueprintDiagnostics
import Testing

/// Line ends and the byte-order mark come out as they went in.
@Suite struct FileEncodingTests {
    @Test func crlfStaysCRLF() throws {
        let output = try formatted("blueprint \"Windows\"\r\n\r\n\r\ncustomer a \"A\" # note\r\n")
        #expect(output == "blueprint \"Windows\"\r\n\r\ncustomer a \"A\" # note\r\n")
    }

    @Test func lfStaysLF() throws {
        #expect(try formatted("blueprint \"Unix\"\ncustomer a \"A\"") == "blueprint \"Unix\"\n\ncustomer a \"A\"\n")
    }

    @Test func byteOrderMarkIsKept() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("blueprint  \"BOM\"\n".utf8)
        let output = try BlueprintFormatter.format(SourceText(bytes: bytes))
        #expect(Array(output.utf8) == [0xEF, 0xBB, 0xBF] + Array("blueprint \"BOM\"\n".utf8))
        #expect(try !formatted("blueprint \"No BOM\"\n").hasPrefix("\u{FEFF}"))
    }
}
