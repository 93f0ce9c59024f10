#!/usr/bin/env bash
# Runs vita's whole test suite. The tests check the PDF with poppler-utils
# (pdftotext, pdffonts, pdfinfo) and qpdf, and score it with the ATS
# harness in ../shared/ats; what is missing is installed first (apt-get,
# and the harness's own setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, each named by a file it installs:
# poppler-utils and qpdf read the PDFs back; tests/fonts.rs loads DejaVu
# from a folder, as a user's own fonts; tests/scripts.rs sets Chinese and
# Japanese with the system's Noto CJK, tests/complex_scripts.rs Arabic,
# Hebrew and Hindi with Noto's core fonts, and tests/fonts.rs takes a bold
# from Inter's variable face.
packages=()
for need in "poppler-utils /usr/bin/pdftotext" "poppler-utils /usr/bin/pdffonts" \
  "poppler-utils /usr/bin/pdfinfo" "qpdf /usr/bin/qpdf" \
  "fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" \
  "fonts-noto-cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" \
  "fonts-noto-core /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf" \
  "fonts-inter-variable /usr/share/fonts/truetype/inter-vf/Inter-roman.var.ttf"; do
  read -r package file <<<"$need"
  if [ ! -e "$file" ] && [[ ! " ${packages[*]} " == *" $package "* ]]; then
    packages+=("$package")
  fi
done
if [ ${#packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${packages[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# tests/html.rs checks the HTML export in a real browser: Debian's
# Chromium driven by playwright-core, axe-core, and the Nu HTML Checker
# (vnu.jar, on Java). The Debian packages come without their recommends;
# the npm packages go once into $VITA_WEB_HOME (~/.cache/vita-web), from
# tests/web/package.json, reinstalled when it changes.
web=()
for need in "chromium /usr/bin/chromium" "default-jre-headless /usr/bin/java" \
  "nodejs /usr/bin/node" "npm /usr/bin/npm"; do
  read -r package file <<<"$need"
  [ -e "$file" ] || web+=("$package")
done
if [ ${#web[@]} -gt 0 ]; then
  echo "test.sh: installing ${web[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${web[@]}" >/dev/null
fi
web_home=${VITA_WEB_HOME:-$HOME/.cache/vita-web}
if ! cmp -s tests/web/package.json "$web_home/package.json" 2>/dev/null ||
  [ ! -d "$web_home/node_modules" ]; then
  echo "test.sh: npm install into $web_home" >&2
  mkdir -p "$web_home"
  cp tests/web/package.json "$web_home/package.json"
  # vnu-jar ships vnu.jar; its install script only looks for a Java.
  npm install --prefix "$web_home" --ignore-scripts --no-audit --no-fund --silent
fi

# The seven-extractor ATS harness that tests/ats.rs scores every theme
# with lives beside the repository (../shared/ats); its own script installs
# it once, from Debian and PyPI, into $ATS_HOME (~/.cache/ats-harness).
harness=${VITA_ATS_HARNESS:-../shared/ats}
if [ -f "$harness/setup.sh" ]; then
  bash "$harness/setup.sh"
else
  echo "test.sh: no ATS harness at $harness; tests/ats.rs will fail (set VITA_ATS_HARNESS)" >&2
fi

cargo test --profile ci --locked "$@"
