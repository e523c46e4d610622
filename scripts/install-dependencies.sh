#!/usr/bin/env bash
# Installs the system packages blueprint needs on Debian/Ubuntu when they are missing:
# Graphviz's C libraries (rendering), its command-line tools (the benchmark's comparison
# runs), Noto Sans CJK, the one font family diagrams use for Latin and Chinese labels alike, and
# Neovim, whose built-in LSP client drives `blueprint lsp` in the end-to-end test.
set -euo pipefail

packages=(pkg-config libgraphviz-dev graphviz fonts-noto-cjk neovim)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
