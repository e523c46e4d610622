import ArgumentParser

/// An option's closed set of values, each given on the command line as its raw string.
///
/// ArgumentParser's own lists of values for such an enum are generic code run unspecialised: a key
/// path and an iteration whose types the Swift runtime resolves by scanning every conformance
/// record of the binary (about 25 µs each). These are compiled for each type; `lint`'s three
/// options paid 0.3 ms for ArgumentParser's.
protocol ArgumentChoice: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {}

extension ArgumentChoice {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// ArgumentParser lists a description only where a value's differs from its raw string, and
    /// none of these has one of its own.
    public static var allValueDescriptions: [String: String] { [:] }
}
