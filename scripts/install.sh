#!/usr/bin/env bash
# Installs blueprint under PREFIX (default /usr/local):
#   PREFIX/bin/blueprint                                   the tool, built in release mode
#   PREFIX/share/man/man1/blueprint.1                      the man page, made from the commands' help
#   PREFIX/share/bash-completion/completions/blueprint     bash completion
#   PREFIX/share/zsh/site-functions/_blueprint             zsh completion
#   PREFIX/share/fish/vendor_completions.d/blueprint.fish  fish completion
# Usage: scripts/install.sh [PREFIX]. Set BLUEPRINT_BINARY to install a blueprint already built
# instead of building one.
set -euo pipefail

prefix="${1:-/usr/local}"
case "$prefix" in
    /*) ;;
    *) prefix="$PWD/$prefix" ;;
esac
cd "$(dirname "$0")/.."

binary="${BLUEPRINT_BINARY:-}"
if [ -z "$binary" ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
    build=(swift build -c release --product blueprint)
    # On Linux, link the Swift runtime in, so the installed tool does not depend on the toolchain's folder,
    # at a fixed address: a position-independent executable with the runtime and Foundation in it has
    # 86,000 pointers that the dynamic loader moves at every start, 1.2 ms of each command.
    [ "$(uname -s)" = Linux ] && build+=(--static-swift-stdlib -Xlinker -no-pie)
    "${build[@]}"
    binary="$("${build[@]}" --show-bin-path)/blueprint"
fi

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/blueprint"
installed="$prefix/bin/blueprint"
"$installed" generate-manual > "$prefix/share/man/man1/blueprint.1"
"$installed" --generate-completion-script bash > "$prefix/share/bash-completion/completions/blueprint"
"$installed" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_blueprint"
"$installed" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/blueprint.fish"
chmod 644 "$prefix/share/man/man1/blueprint.1" "$prefix/share/bash-completion/completions/blueprint" \
    "$prefix/share/zsh/site-functions/_blueprint" "$prefix/share/fish/vendor_completions.d/blueprint.fish"

echo "installed $installed, its man page and bash, zsh and fish completions under $prefix"
