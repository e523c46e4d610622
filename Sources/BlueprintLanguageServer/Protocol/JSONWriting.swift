import BlueprintEncoding
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
            writeDecimal(Int(number), into: &output)
        }
        output += Array("]}".utf8)
    }
}

/// An outline is an object per symbol, with two ranges each: hundreds of thousands in a large file,
/// where a generic encoder builds a tree of them several times the answer's size first.
extension Array: JSONWritable where Element: JSONWritable {
    func writeJSON(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, element) in enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            element.writeJSON(into: &output)
        }
        output.append(UInt8(ascii: "]"))
    }
}

extension LSP.DocumentSymbol: JSONWritable {
    func writeJSON(into output: inout [UInt8]) {
        output += Array(#"{"name":"#.utf8)
        JSONValue.writeQuoted(name, into: &output)
        if let detail {
            output += Array(#","detail":"#.utf8)
            JSONValue.writeQuoted(detail, into: &output)
        }
        output += Array(#","kind":"#.utf8)
        writeDecimal(kind, into: &output)
        output += Array(#","range":"#.utf8)
        range.writeJSON(into: &output)
        output += Array(#","selectionRange":"#.utf8)
        selectionRange.writeJSON(into: &output)
        if let children {
            output += Array(#","children":"#.utf8)
            children.writeJSON(into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}

extension LSP.Range: JSONWritable {
    func writeJSON(into output: inout [UInt8]) {
        output += Array(#"{"start":"#.utf8)
        start.writeJSON(into: &output)
        output += Array(#","end":"#.utf8)
        end.writeJSON(into: &output)
        output.append(UInt8(ascii: "}"))
    }
}

extension LSP.Position: JSONWritable {
    func writeJSON(into output: inout [UInt8]) {
        output += Array(#"{"line":"#.utf8)
        writeDecimal(line, into: &output)
        output += Array(#","character":"#.utf8)
        writeDecimal(character, into: &output)
        output.append(UInt8(ascii: "}"))
    }
}

/// Appends `number`, which is never negative in the protocol's positions, kinds and tokens.
private func writeDecimal(_ number: Int, into output: inout [UInt8]) {
    guard number >= 10 else {
        output.append(UInt8(ascii: "0") + UInt8(max(0, number)))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
