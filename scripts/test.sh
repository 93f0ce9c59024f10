#!/usr/bin/env bash
# Runs vita's whole test suite. The tests check the PDF with poppler-utils
# (pdftotext, pdffonts, pdfinfo) and qpdf, and score it with the ATS
# harness in ../shared/ats; what is missing is installed first (apt-get,
# and the harness's own setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs the Debian packages among "PACKAGE FILE" pairs whose FILE is
# missing, with apt-get (under sudo when not root); FLAGS first, e.g.
# --no-install-recommends.
apt_install() {
  local flags=$1 packages=() package file
  shift
  for need in "$@"; do
    read -r package file <<<"$need"
    if [ ! -e "$file" ] && [[ ! " ${packages[*]} " == *" $package "* ]]; then
      packages+=("$package")
    fi
  done
  [ ${#packages[@]} -eq 0 ] && return 0
  echo "test.sh: installing ${packages[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq $flags "${packages[@]}" >/dev/null
}

# Debian packages the tests need, each named by a file it installs:
# poppler-utils and qpdf read the PDFs back; tests/fonts.rs loads DejaVu
# from a folder, as a user's own fonts; tests/scripts.rs sets Chinese and
# Japanese with the system's Noto CJK, tests/complex_scripts.rs Arabic,
# Hebrew and Hindi with Noto's core fonts, and tests/fonts.rs takes a bold
# from Inter's variable face.
apt_install "" "poppler-utils /usr/bin/pdftotext" "poppler-utils /usr/bin/pdffonts" \
  "poppler-utils /usr/bin/pdfinfo" "qpdf /usr/bin/qpdf" \
  "fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" \
  "fonts-noto-cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" \
  "fonts-noto-core /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf" \
  "fonts-inter-variable /usr/share/fonts/truetype/inter-vf/Inter-roman.var.ttf"

# tests/html.rs checks the HTML export in a real browser: Debian's
# Chromium driven by playwright-core, axe-core, and the Nu HTML Checker
# (vnu.jar, on Java). The Debian packages come without their recommends;
# the npm packages go once into $VITA_WEB_HOME (~/.cache/vita-web), from
# tests/web/package.json, reinstalled when it changes.
apt_install --no-install-recommends "chromium /usr/bin/chromium" \
  "default-jre-headless /usr/bin/java" "nodejs /usr/bin/node" "npm /usr/bin/npm"
web_home=${VITA_WEB_HOME:-$HOME/.cache/vita-web}
if ! cmp -s tests/web/package.json "$web_home/package.json" 2>/dev/null ||
  [ ! -d "$web_home/node_modules" ]; then
  echo "test.sh: npm install into $web_home" >&2
  mkdir -p "$web_home"
  cp tests/web/package.json "$web_home/package.json"
  # vnu-jar ships vnu.jar; its install script only looks for a Java.
  npm install --prefix "$web_home" --ignore-scripts --no-audit --no-fund --silent
fi

# tests/docx.rs converts the Word export to PDF with LibreOffice (Writer
# without its GUI; without the recommended extras, which add no fonts or
# filters it needs) and reads it with python-docx, kept in a venv of its
# own ($VITA_DOCX_VENV, ~/.cache/vita-docx/venv), installed once from PyPI.
apt_install --no-install-recommends "libreoffice-writer-nogui /usr/bin/soffice"
docx_venv=${VITA_DOCX_VENV:-$HOME/.cache/vita-docx/venv}
if ! "$docx_venv/bin/python" -c "import docx" 2>/dev/null; then
  echo "test.sh: installing python-docx into $docx_venv" >&2
  python3 -m venv "$docx_venv"
  "$docx_venv/bin/pip" install -q python-docx
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

# tests/tagged.rs checks the tagged PDF with pdfua, a PDF/UA-1 checker
# built on pikepdf, from PyPI, in a venv of its own.
pdfua_home=${VITA_PDFUA_HOME:-$HOME/.cache/vita-pdfua}
if [ ! -x "$pdfua_home/bin/pdfua" ]; then
  python3 -m venv "$pdfua_home"
  "$pdfua_home/bin/pip" install -q "pdfua==0.1.3"
fi

cargo test --profile ci --locked "$@"
