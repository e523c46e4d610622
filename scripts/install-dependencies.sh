#!/usr/bin/env bash
# Installs the system packages blueprint needs on Debian/Ubuntu when they are missing:
# Graphviz's C libraries (rendering), its command-line tools (the benchmark's comparison
# runs), Noto Sans CJK, the one font family diagrams use for Latin and Chinese labels alike,
# Neovim, whose built-in LSP client drives `blueprint lsp` in the end-to-end test, and Chromium
# with its driver plus Selenium, which the preview's browser test drives, and poppler-utils, whose
# pdfinfo reads the multi-page PDF of `render --page` in its test, and git, which `diff --git` runs
# (its test makes a repository).
set -euo pipefail

packages=(pkg-config libgraphviz-dev graphviz fonts-noto-cjk neovim chromium chromium-driver poppler-utils git)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium
