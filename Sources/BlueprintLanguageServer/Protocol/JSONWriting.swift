import Foundation

/// A result that writes its own JSON. Semantic tokens are hundreds of thousands of numbers in a large
/// file, and a generic encoder spends most of a request's time on them, one call per number.
protocol JSONWritable {
    func writeJSON(into output: inout [UInt8])
}

extension LSP.SemanticTokens: JSONWritable {
    func writeJSON(into output: inout [UInt8]) {
        output.reserveCapacity(output.count + data.count * 3 + 16)
        output += Array(#"{"data":["#.utf8)
        for (index, number) in data.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            Self.writeDecimal(number, into: &output)
        }
        output += Array("]}".utf8)
    }

    private static func writeDecimal(_ number: UInt32, into output: inout [UInt8]) {
        guard number >= 10 else {
            output.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }
}
