import BlueprintDiagnostics

/// A fingerprint of one source line's text, so a finding can be recognised after lines above it
/// were added, removed or moved. Spaces and TABs are left out, so re-indenting keeps it.
/// (`LineFingerprint` hashes a window of 100 characters that runs into the following lines, so an
/// edit on the next line would change it: right for code scanning, wrong for a baseline.)
package enum SourceLineFingerprint {
    /// 64-bit FNV-1a of the line's UTF-8 bytes without spaces, TABs and CRs, as 16 hex digits.
    package static func of(_ line: String) -> String {
        digest(line.utf8.lazy.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") })
    }

    /// 64-bit FNV-1a of `bytes` as 16 hex digits: short, stable across runs and platforms.
    static func digest(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fingerprint of the line a diagnostic starts on.
    package static func of(_ diagnostic: Diagnostic, in source: SourceText) -> String {
        let line = diagnostic.range.start.line
        return of(line >= 1 && line <= source.lineCount ? source.lineText(line) : "")
    }
}
