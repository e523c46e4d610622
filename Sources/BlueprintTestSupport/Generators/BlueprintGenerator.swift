/// Every generated blueprint the tests, the benchmarks and the fuzzers' seeds use, each from a seed or a
/// size so that the same call always gives the same text:
/// - `clean(steps:)`: lints without errors at any size, for stress tests and benchmarks;
/// - `typical(steps:seed:)`: realistic files with every kind of statement, for lint throughput;
/// - `capacity(steps:)`: demand, servers, spans, shares and a loop in every phase, for `analyze`;
/// - `routingShapes(seed:maximumSteps:)`: random flows between random lanes and phases, for the layout;
/// - `fanOut(flows:)`: one step with a flow to each of thousands of others, for the layout's scaling;
/// - `Corners`: well-formed files that try the formatter's corners.
package enum BlueprintGenerator {}
