#!/usr/bin/env bash
# Regenerates docs/preview.png, the first page of the default résumé as
# shown in the README (needs pdftoppm from poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -- render --quiet -o target/preview
pdftoppm -r 80 -png -f 1 -l 1 -singlefile target/preview/resume.pdf docs/preview
echo "wrote docs/preview.png"
