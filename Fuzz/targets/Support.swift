// Compiled into every fuzz target.

/// The promise search budget of a fuzzed file: a five-thousandth of the linter's default, so a dense
/// loop costs a fuzzer microseconds, not the whole of its time (the search still runs into its
/// bound, and that path is what needs fuzzing).
let fuzzPromiseWork = 200

/// `fatalError` keeps its message in optimised builds, unlike `precondition`.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
