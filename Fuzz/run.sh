#!/usr/bin/env bash
# Builds the parse+lint fuzzer (libFuzzer + AddressSanitizer) and runs it.
#
#   Fuzz/run.sh [SECONDS] [LIBFUZZER-OPTION...]     default 60 seconds
#   Fuzz/run.sh 600 -jobs=2 -workers=2              two processes for ten minutes
#   Fuzz/run.sh 0 Fuzz/build/artifacts/crash-…      replay one input (no time limit)
#
# The three modules are compiled straight from Sources/ with swiftc (SwiftPM cannot pass
# -sanitize=fuzzer to one product only), into Fuzz/build/, which git ignores. The working corpus
# lives in Fuzz/build/corpus and grows from run to run; it is seeded with Fuzz/seeds/ and
# blueprints/. Crashes, timeouts and slow inputs go to Fuzz/build/artifacts/: minimise one with
#   Fuzz/build/fuzz-parse-lint -minimize_crash=1 -runs=10000 FILE
# and keep it as a seed in Fuzz/seeds/ and a case in Tests/BlueprintLintTests/MalformedInputTests.swift.
# A seed that crashes or times out stops the run before fuzzing starts: the regression-* seeds
# do so until the bug they record is fixed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
build="$fuzz/build"
duration=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))

mkdir -p "$build/modules" "$build/corpus" "$build/artifacts"

# -O keeps overflow and bounds traps; -g gives stack traces with lines; -enable-testing lets the
# harness build promises with internal initialisers.
flags=(-O -g -sanitize=fuzzer,address -parse-as-library -enable-testing -swift-version 6 -wmo -I "$build/modules")
# lld, not gold: gold warns about every ASan symbol it cannot export.
link_flags=(-use-ld=lld)

compile_module() {
    local name=$1
    local sources=()
    while IFS= read -r -d '' file; do sources+=("$file"); done \
        < <(find "$root/Sources/$name" -name '*.swift' -print0 | sort -z)
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$build/modules/$name.swiftmodule" \
        -emit-object -o "$build/$name.o" "${sources[@]}"
}

echo "Building the fuzzer into $build"
compile_module BlueprintLanguage
compile_module BlueprintModel
compile_module BlueprintLint
swiftc "${flags[@]}" -module-name FuzzParseLint "$fuzz/FuzzParseLint.swift" \
    "$build/BlueprintLanguage.o" "$build/BlueprintModel.o" "$build/BlueprintLint.o" "${link_flags[@]}" -o "$build/fuzz-parse-lint"

# Inputs named on the command line are replayed, not fuzzed.
for argument in "$@"; do
    if [ -f "$argument" ]; then exec "$build/fuzz-parse-lint" "$@"; fi
done

shopt -s nullglob
cp "$fuzz"/seeds/* "$build/corpus/"
for file in "$root"/blueprints/*.blueprint; do cp "$file" "$build/corpus/"; done

# With -jobs, libFuzzer writes a fuzz-N.log per job into the working folder: keep them in the build.
cd "$build"
# Leak checks are off: the Swift runtime keeps metadata caches for the life of the process.
exec "$build/fuzz-parse-lint" "$build/corpus" \
    -max_total_time="$duration" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -dict="$fuzz/blueprint.dict" -artifact_prefix="$build/artifacts/" \
    -detect_leaks=0 -print_final_stats=1 "$@"
