#!/usr/bin/env bash
# Runs vita's whole test suite. The tests check the PDF with poppler-utils
# (pdftotext, pdffonts, pdfinfo) and qpdf; when they are missing and apt-get
# is available, they are installed first.
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

cargo test --profile ci --locked "$@"
