#!/usr/bin/env bash
# Builds a libFuzzer target (libFuzzer + AddressSanitizer; render without ASan, see below) and runs it.
#
#   Fuzz/run.sh TARGET [SECONDS] [LIBFUZZER-OPTION...]   default 60 seconds
#   Fuzz/run.sh all SECONDS [LIBFUZZER-OPTION...]        every target in turn, SECONDS each
#   Fuzz/run.sh parse-lint 600 -jobs=2 -workers=2        two processes for ten minutes
#   Fuzz/run.sh format 0 Fuzz/build/format/artifacts/crash-…   replay one input (no time limit)
#
# TARGET is one of
#   parse-lint     UTF-8 validation, lexer, parser, model, promise analysis, every rule
#   format         `fmt`: a file that parses keeps its meaning and comments, and formats idempotently
#   render         a lint-clean file's layout, DOT text (read back by Graphviz) and SVG texts
#   configuration  `.blueprintlint.yml` reading
#
# The modules are compiled straight from Sources/ with swiftc (SwiftPM cannot pass
# -sanitize=fuzzer to one product only), into Fuzz/build/, which git ignores; Yams comes from the
# checkout `swift build` makes under .build/checkouts. Each target's working corpus is
# Fuzz/build/TARGET/corpus, seeded from the committed corpus Fuzz/seeds/ (blueprints: the examples,
# the malformed inputs and the reproducers of past findings) or Fuzz/seeds-configuration/.
# Crashes, timeouts and slow inputs go to Fuzz/build/TARGET/artifacts/: minimise one with
#   Fuzz/build/fuzz-TARGET -minimize_crash=1 -runs=10000 FILE
# and keep it as a seed and as a test case.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
build="$fuzz/build"
targets=(parse-lint format render configuration)

target=${1:-parse-lint}
# `Fuzz/run.sh 60` (a number first) is the parse-lint target, as before there were others.
if [[ "$target" =~ ^[0-9]+$ ]]; then target=parse-lint; else shift $(( $# > 0 ? 1 : 0 )); fi
duration=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))

if [ "$target" = all ]; then
    for each in "${targets[@]}"; do "$0" "$each" "$duration" "$@"; done
    exit 0
fi
case " ${targets[*]} " in *" $target "*) ;; *) echo "unknown target '$target': use ${targets[*]} or all" >&2; exit 2 ;; esac

# The render target runs without AddressSanitizer: over what parse-lint fuzzes with it, it adds safe
# Swift and Graphviz's parser, which is not instrumented, and ASan's allocator made it run at a
# third of a thousand inputs a second. Its modules are built apart, into Fuzz/build/plain/.
if [ "$target" = render ]; then module_dir="$build/plain"; else module_dir="$build"; fi
mkdir -p "$module_dir/modules"
# -O keeps overflow and bounds traps; -g gives stack traces with lines; -enable-testing lets the
# harnesses reach internal API (the layout without Graphviz, extra promises).
flags=(-O -g -parse-as-library -enable-testing -wmo -package-name blueprint -I "$module_dir/modules")
# Comparison tracing (part of -sanitize=fuzzer) steers the mutations towards keywords and magic
# numbers, where the lexer and the parsers read the input; the analyses after them get edge
# coverage only, which costs a fraction of it in their tight loops.
traced=(-sanitize=fuzzer,address)
edges_only=(-sanitize=address -sanitize-coverage=edge,inline-8bit-counters,pc-table)
# Without ASan, swiftc has no coverage-only option: every module of the render target traces its
# comparisons.
c_sanitize=-fsanitize=fuzzer-no-link,address
if [ "$target" = render ]; then traced=(-sanitize=fuzzer); edges_only=(-sanitize=fuzzer); c_sanitize=-fsanitize=fuzzer-no-link; fi
# lld, not gold: gold warns about every ASan symbol it cannot export.
link_flags=(-use-ld=lld)

# compile_module NAME FOLDER [SWIFTC-FLAG...]: one object and module per library, rebuilt when a source
# changes or when a library before it in the target's list (`libraries`, its dependencies among them)
# is newer: a changed type layout in a dependency must not meet code compiled against the old one.
compile_module() {
    local name=$1 folder=$2
    shift 2
    local sources=()
    while IFS= read -r -d '' file; do sources+=("$file"); done < <(find "$folder" -name '*.swift' -print0 | sort -z)
    if [ -f "$module_dir/$name.o" ] && [ -z "$(find "${sources[@]}" "$0" "${libraries[@]}" -newer "$module_dir/$name.o" -print -quit)" ]; then return; fi
    echo "Compiling $name"
    swiftc "${flags[@]}" "$@" -module-name "$name" -emit-module -emit-module-path "$module_dir/modules/$name.swiftmodule" \
        -emit-object -o "$module_dir/$name.o" "${sources[@]}"
    # swiftc leaves an output it would write unchanged as it was, old date included: mark when it was built.
    touch "$module_dir/$name.o"
}

yams="$root/.build/checkouts/Yams/Sources"
cyaml_include="$yams/CYaml/include"
graphviz_flags=($(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g'))

compile_yams() {
    [ -d "$yams" ] || { echo "no Yams checkout under .build/checkouts: run 'swift build' first" >&2; exit 2; }
    if [ ! -f "$module_dir/CYaml.o" ]; then
        echo "Compiling CYaml"
        local objects=()
        for file in "$yams"/CYaml/src/*.c; do
            clang -O1 -g "$c_sanitize" -DYAML_DECLARE_EXPORT -I "$cyaml_include" -c "$file" \
                -o "$module_dir/cyaml-$(basename "$file" .c).o"
            objects+=("$module_dir/cyaml-$(basename "$file" .c).o")
        done
        ld -r -o "$module_dir/CYaml.o" "${objects[@]}"
    fi
    compile_module Yams "$yams/Yams" "${traced[@]}" -swift-version 5 -D SWIFT_PACKAGE -Xcc -I -Xcc "$cyaml_include" -Xcc -DYAML_DECLARE_EXPORT
}

text_include="$root/Sources/CGraphvizText/include"

compile_graphviz_text() {
    local sources=("$root"/Sources/CGraphvizText/*.c) objects=() file
    if [ -f "$module_dir/CGraphvizText.o" ] \
        && [ -z "$(find "${sources[@]}" "$text_include" -newer "$module_dir/CGraphvizText.o" -print -quit)" ]; then return; fi
    echo "Compiling CGraphvizText"
    for file in "${sources[@]}"; do
        clang -O1 -g "$c_sanitize" -I "$text_include" -c "$file" -o "$module_dir/cgraphviztext-$(basename "$file" .c).o"
        objects+=("$module_dir/cgraphviztext-$(basename "$file" .c).o")
    done
    ld -r -o "$module_dir/CGraphvizText.o" "${objects[@]}"
}

echo "Building the $target fuzzer into $build"
case "$target" in
    parse-lint) modules=(BlueprintEncoding BlueprintDiagnostics BlueprintLanguage BlueprintModel BlueprintCapacity BlueprintLint) ;;
    format) modules=(BlueprintEncoding BlueprintDiagnostics BlueprintLanguage BlueprintModel BlueprintFormat) ;;
    # Drawing a document goes through the analysis core, and so through the configuration's Yams.
    render) modules=(BlueprintEncoding BlueprintDiagnostics BlueprintLanguage BlueprintModel BlueprintCapacity BlueprintLint BlueprintConfig BlueprintFormat BlueprintAnalysis GraphvizBridge
                     BlueprintLayout BlueprintRender); compile_yams; compile_graphviz_text ;;
    configuration) modules=(BlueprintEncoding BlueprintDiagnostics BlueprintLanguage BlueprintModel BlueprintCapacity BlueprintLint BlueprintConfig); compile_yams ;;
esac
objects=()
case "$target" in configuration|render) objects+=("$module_dir/CYaml.o" "$module_dir/Yams.o") ;; esac
[ "$target" = render ] && objects+=("$module_dir/CGraphvizText.o")
libraries=()
for module in "${modules[@]}"; do
    extra=(-swift-version 6)
    case "$module" in
        GraphvizBridge|BlueprintRender) extra+=(-I "$root/Sources/CGraphviz" -I "$text_include" "${graphviz_flags[@]}") ;;
    esac
    case "$module" in
        BlueprintConfig|BlueprintAnalysis|BlueprintRender) extra+=(-Xcc -I -Xcc "$cyaml_include") ;;
    esac
    case "$module" in
        BlueprintDiagnostics|BlueprintLanguage|BlueprintConfig) extra+=("${traced[@]}") ;;
        *) extra+=("${edges_only[@]}") ;;
    esac
    compile_module "$module" "$root/Sources/$module" "${extra[@]}"
    objects+=("$module_dir/$module.o")
    libraries+=("$module_dir/$module.o")
done
link=()
[ "$target" = render ] && link+=(-I "$root/Sources/CGraphviz" -I "$text_include" "${graphviz_flags[@]}" $(pkg-config --libs libgvc))
case "$target" in configuration|render) link+=(-Xcc -I -Xcc "$cyaml_include") ;; esac
harness=$(echo "$target" | sed -E 's/(^|-)([a-z])/\U\2/g')
swiftc "${flags[@]}" "${traced[@]}" -swift-version 6 -module-name "Fuzz$harness" "$fuzz/targets/$harness.swift" "$fuzz/targets/Support.swift" \
    "${objects[@]}" "${link[@]}" "${link_flags[@]}" -o "$build/fuzz-$target"

# Inputs named on the command line are replayed, not fuzzed.
for argument in "$@"; do
    if [ -f "$argument" ]; then exec "$build/fuzz-$target" "$@"; fi
done

work="$build/$target"
mkdir -p "$work/corpus" "$work/artifacts"
shopt -s nullglob
if [ "$target" = configuration ]; then
    cp "$fuzz"/seeds-configuration/* "$work/corpus/"
    dictionary=()
else
    cp "$fuzz"/seeds/* "$work/corpus/"
    for file in "$root"/blueprints/*.blueprint; do cp "$file" "$work/corpus/"; done
    dictionary=(-dict="$fuzz/blueprint.dict")
fi

# Inputs up to 2 KiB hold every construct of the language many times over, and run at over a
# thousand a second; what only shows at large sizes (a 16 KiB label, a 60 KB line of ids) is covered
# by the reproducers, which are tests too.
# With -jobs, libFuzzer writes a fuzz-N.log per job into the working folder: keep them in the build.
cd "$work"
# Leak checks are off: the Swift runtime keeps metadata caches for the life of the process.
# ASan records no stack for each allocation while fuzzing: unwinding on every malloc costs a
# tenth of the run. A crash still prints its own stack; replaying its input (above) runs with
# the default options and names the allocation too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
"$build/fuzz-$target" "$work/corpus" \
    -max_total_time="$duration" -max_len=2048 -timeout=10 -rss_limit_mb=4096 \
    "${dictionary[@]}" -artifact_prefix="$work/artifacts/" \
    -detect_leaks=0 -print_final_stats=1 "$@"
