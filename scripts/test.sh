#!/usr/bin/env bash
# Runs vita's whole test suite. The tests check the PDF with poppler-utils
# (pdftotext, pdffonts, pdfinfo) and qpdf, and score it with the ATS
# harness in ../shared/ats; what is missing is installed first (apt-get,
# and the harness's own setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in pdftotext pdffonts pdfinfo qpdf; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing poppler-utils and qpdf (missing: ${missing[*]})" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq poppler-utils qpdf >/dev/null
fi

# tests/fonts.rs loads DejaVu from a folder, as a user's own fonts;
# tests/scripts.rs sets Chinese and Japanese with the system's Noto CJK.
fonts=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || fonts+=(fonts-dejavu-core)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || fonts+=(fonts-noto-cjk)
if [ ${#fonts[@]} -gt 0 ]; then
  echo "test.sh: installing ${fonts[*]} (tests/fonts.rs, tests/scripts.rs)" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${fonts[@]}" >/dev/null
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
