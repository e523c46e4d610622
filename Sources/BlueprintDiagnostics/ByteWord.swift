/// Tests on eight bytes of text read as one word, for the loops that pass over plain text a word at
/// a time: the source's line table and validation, the lexer's labels and comments, the linter's
/// search for suspicious characters, the symbol table's ASCII names.
package enum ByteWord {
    /// The eight bytes from `offset`, which must leave eight in the buffer.
    @inlinable package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether any of the bytes is past ASCII.
    @inlinable package static func hasNonASCII(_ word: UInt64) -> Bool {
        word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any of the bytes is `byte`: XORed with `byte` in every place, the word has a zero byte
    /// exactly there, and the borrow test below finds a zero byte in any word.
    @inlinable package static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
    }
}
