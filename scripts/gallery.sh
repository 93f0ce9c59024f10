#!/usr/bin/env bash
# Regenerates docs/themes/NAME.png: the first page of the default résumé in
# every built-in theme, as shown in the README (needs pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
mkdir -p docs/themes target/gallery
for theme in $(./target/release/vita themes | awk '{print $1}'); do
  ./target/release/vita render --quiet --theme "$theme" -o "target/gallery/$theme"
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "target/gallery/$theme/resume.pdf" "docs/themes/$theme"
  echo "wrote docs/themes/$theme.png"
done
