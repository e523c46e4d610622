import BlueprintCapacity
import BlueprintFormat
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintModel
import Foundation

/// Which language a front end prints messages in.
public enum LanguageChoice: Hashable, Sendable {
    /// The language of each file's `locale` (English without one).
    case auto
    case fixed(MessageLanguage)
}

/// One blueprint file as every tool sees it: its text and path, and, computed once and only when
/// asked for, its syntax tree, its model, its promise checks (one budget, one answer for lint and
/// render) and its diagnostics under the configuration that applies to its path.
///
/// A document never changes: an edit makes a new one (`applying(_:)`). Safe to share between
/// threads.
public final class Document: @unchecked Sendable {
    /// As the user or the editor gave it.
    public let path: String
    public let source: SourceText
    public let configuration: LintConfiguration
    /// Edit visits the promise search may make, for all the file's promises together.
    public let promiseWork: Int
    /// Which text of the file this is: the editor's version for a document an editor has open;
    /// for a file a workspace watches, one more each time the file is read with new text. Another
    /// configuration keeps the version (the text is the same).
    public let version: Int
    /// How many diagnostics are kept; more only while fixing (see `applyingSafeFixes`). Set only
    /// before the document is shared.
    private(set) var diagnosticLimit: Int

    // `@unchecked Sendable` is sound because the caches below are only touched with `lock` held.
    private let lock = NSLock()
    private var cachedSyntax: SyntaxTree?
    private var cachedContext: LintContext?
    private var cachedResult: LintResult?

    public init(path: String, source: SourceText, configuration: LintConfiguration = .default,
                promiseWork: Int = PromiseAnalysis.defaultFileWork, version: Int = 0) {
        self.path = path
        self.source = source
        self.configuration = configuration
        self.promiseWork = promiseWork
        self.version = version
        diagnosticLimit = Linter.diagnosticLimit
    }

    public convenience init(path: String, text: String, configuration: LintConfiguration = .default) {
        self.init(path: path, source: SourceText(text), configuration: configuration)
    }

    public var syntax: SyntaxTree {
        lock.withLock { lockedSyntax() }
    }

    public var blueprint: Blueprint {
        lock.withLock { lockedContext().blueprint }
    }

    /// The model with each promise checked: what lint reports and drawing shows.
    /// A promise `for P%` carries the share of customers the simulation got there in time.
    public var analysed: AnalysedBlueprint {
        let context = lock.withLock { lockedContext() }
        return context.analysed.withSimulatedShares(context.capacity.promises.map { $0?.shareWithinLimit })
    }

    /// Language 1.2's figures as lint computed them: each step's utilisation and queue wait (no step's
    /// without `demand`, where none has a load), and the simulation of each `for` promise (nil for a
    /// worst-case one).
    package var capacity: CapacityAnalysis {
        lock.withLock { lockedContext().capacity }
    }

    /// Every diagnostic the configuration leaves on, sorted by line, column, rule and message, up
    /// to `Linter.diagnosticLimit`.
    public var diagnostics: [Diagnostic] {
        lock.withLock { lockedResult().diagnostics }
    }

    /// The diagnostics past `Linter.diagnosticLimit`, counted but not kept.
    public var omittedDiagnostics: DiagnosticCounts {
        lock.withLock { lockedResult().omitted }
    }

    public var hasErrors: Bool { lock.withLock { lockedResult().hasErrors } }

    /// The language messages about this file are printed in, for a front end's choice.
    public func language(for choice: LanguageChoice) -> MessageLanguage {
        switch choice {
        case .fixed(let language): language
        case .auto: MessageLanguage(blueprint.locale)
        }
    }

    /// The diagnostics as a report the reporters print.
    public func report(language choice: LanguageChoice = .auto) -> FileReport {
        let result = lock.withLock { lockedResult() }
        return FileReport(path: path, source: source, diagnostics: result.diagnostics, omitted: result.omitted, language: language(for: choice))
    }

    /// The canonical text (`blueprint fmt`); a file with syntax errors is not formatted.
    public func formatted() throws(FormatError) -> String {
        try BlueprintFormatter.format(syntax, source: source)
    }

    /// The same file with `edits` applied, under the same configuration: the next version.
    public func applying(_ edits: [TextEdit]) throws(TextEditError) -> Document {
        let document = Document(path: path, source: try source.applying(edits), configuration: configuration, promiseWork: promiseWork,
                                version: version + 1)
        document.diagnosticLimit = diagnosticLimit
        return document
    }

    /// The same document keeping `limit` diagnostics, sharing what is computed already but the lint.
    func keepingDiagnostics(_ limit: Int) -> Document {
        let document = with(configuration: configuration)
        document.diagnosticLimit = limit
        return document
    }

    /// The same text under another configuration: what a changed `.blueprintlint.yml` gives.
    public func with(configuration: LintConfiguration) -> Document {
        let document = Document(path: path, source: source, configuration: configuration, promiseWork: promiseWork, version: version)
        // Parsing and the model do not depend on the configuration.
        lock.withLock {
            document.cachedSyntax = cachedSyntax
            document.cachedContext = cachedContext
        }
        return document
    }

    private func lockedSyntax() -> SyntaxTree {
        if let cachedSyntax { return cachedSyntax }
        let syntax = Parser.parse(source)
        cachedSyntax = syntax
        return syntax
    }

    private func lockedContext() -> LintContext {
        if let cachedContext { return cachedContext }
        let context = LintContext(syntax: lockedSyntax(), source: source, promiseWork: promiseWork)
        cachedContext = context
        return context
    }

    private func lockedResult() -> LintResult {
        if let cachedResult { return cachedResult }
        let result = Linter(configuration: configuration, limit: diagnosticLimit).lint(lockedContext())
        cachedResult = result
        return result
    }
}

extension Document {
    /// Every rule lint applies, in the spec's order, with its summary and explanation in every language.
    public static var rules: [RuleDescriptor] { Linter.descriptors }
}
