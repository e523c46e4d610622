#!/usr/bin/env bash
# Set-up step one: installs what a fresh Debian machine lacks, builds `blueprint` in
# release mode and renders every example in blueprints/ to out/examples/NAME.svg and NAME.png.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product blueprint

mkdir -p out/examples
for file in blueprints/*.blueprint; do
    name=$(basename "$file" .blueprint)
    .build/release/blueprint render "$file" -o "out/examples/$name.svg"
    .build/release/blueprint render "$file" --format png -o "out/examples/$name.png"
    echo "rendered out/examples/$name.svg and $name.png"
done
