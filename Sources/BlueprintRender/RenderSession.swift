import BlueprintLayout
import Foundation

/// What rendering has measured so far, kept so that a batch of diagrams measures each word once
/// rather than once a diagram. Measurements depend only on the text and the font, so a diagram comes
/// out byte for byte the same with or without a session.
///
/// Give one session to every ``Document/draw(_:session:)`` call of a batch;
/// it is safe to share between threads. It grows with the vocabulary of what it renders, so a
/// long-lived process should start a new one now and then.
public final class RenderSession: @unchecked Sendable {
    // (`Mutex` would say so to the compiler, but needs macOS 15 and the package supports macOS 13.)
    private let lock = NSLock()
    /// By font name and style: a batch may mix blueprints of several languages, set in several faces.
    private var wordWidths: [FontKey: [String: Double]] = [:]

    private struct FontKey: Hashable {
        var fontName: String
        var style: TextStyle
    }

    public init() {}

    func wordWidth(_ word: String, in style: TextStyle, fontName: String) -> Double? {
        lock.withLock { wordWidths[FontKey(fontName: fontName, style: style)]?[word] }
    }

    func remember(_ widths: [String: Double], in style: TextStyle, fontName: String) {
        lock.withLock { wordWidths[FontKey(fontName: fontName, style: style), default: [:]].merge(widths) { old, _ in old } }
    }
}
