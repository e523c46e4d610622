/// A blueprint with its promises checked: each promise beside its own check, so that no front end
/// pairs two arrays by index. What lint, drawing, hover and the preview all read.
public struct AnalysedBlueprint: Sendable {
    public let blueprint: Blueprint
    /// One per promise of `blueprint.promises`, in file order.
    public let promises: [CheckedPromise]

    /// Checks every promise of `blueprint`, sharing `promiseWork` between them (see
    /// `PromiseAnalysis.checks(of:work:)`).
    public init(_ blueprint: Blueprint, promiseWork: Int = PromiseAnalysis.defaultFileWork) {
        self.blueprint = blueprint
        promises = zip(blueprint.promises, PromiseAnalysis.checks(of: blueprint, work: promiseWork)).map(CheckedPromise.init)
    }

    /// The same analysis over a blueprint derived from this one with the same promises (a page of it,
    /// or its text made displayable), without checking them again.
    public func replacingBlueprint(_ derived: Blueprint, keepingPromises: Bool = true) -> AnalysedBlueprint {
        AnalysedBlueprint(blueprint: derived, promises: keepingPromises
            ? zip(derived.promises, promises).map { CheckedPromise(promise: $0, check: $1.check) } : [])
    }

    private init(blueprint: Blueprint, promises: [CheckedPromise]) {
        self.blueprint = blueprint
        self.promises = promises
    }
}

/// A promise and what its `->` paths cost.
public struct CheckedPromise: Hashable, Sendable {
    public let promise: Promise
    public let check: PromiseCheck
}
