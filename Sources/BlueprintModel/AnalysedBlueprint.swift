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
        promises = zip(blueprint.promises, PromiseAnalysis.checks(of: blueprint, work: promiseWork)).map {
            CheckedPromise(promise: $0, check: $1)
        }
    }

    /// The same analysis over a blueprint derived from this one with the same promises (a page of it,
    /// or its text made displayable), without checking them again.
    public func replacingBlueprint(_ derived: Blueprint, keepingPromises: Bool = true) -> AnalysedBlueprint {
        AnalysedBlueprint(blueprint: derived, promises: keepingPromises
            ? zip(derived.promises, promises).map { CheckedPromise(promise: $0, check: $1.check, simulatedShare: $1.simulatedShare) } : [])
    }

    /// The same analysis with the simulated share of customers within each `for` promise's limit
    /// (one per promise, nil where there is none), which judges such a promise.
    public func withSimulatedShares(_ shares: [Double?]) -> AnalysedBlueprint {
        AnalysedBlueprint(blueprint: blueprint, promises: zip(promises, shares).map { checked, share in
            var checked = checked
            checked.simulatedShare = checked.promise.share == nil ? nil : share
            return checked
        })
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
    /// For a promise `for P%`: the share of customers (0…1) a simulation got there within the limit.
    public internal(set) var simulatedShare: Double? = nil

    /// The verdict: by the simulated share for a promise `for P%` (spec 1.2), else by the worst case.
    public var status: PromiseCheck.Status {
        guard let target = promise.share, let simulatedShare else { return check.status }
        return simulatedShare * 100 >= target - 1e-9 ? .kept : .broken
    }
}
