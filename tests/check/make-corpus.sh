#!/usr/bin/env bash
# Rebuild tests/check/corpus/: résumé PDFs made by tools other than vita's own
# PDF writer (Chromium, LibreOffice, Typst, a hand-written Type 3 PDF) and PDFs
# broken on purpose, each with what an ATS must recover (expected.json) and the
# ATS harness's verdict on it (harness.json, slimmed). `vita check` is tested
# against the committed files; CI does not run this script.
#
# Usage: tests/check/make-corpus.sh            (from anywhere; ~1 min on 2 cores)
#
# Tools, overridable through the environment:
#   VITA          vita binary (default target/release/vita; copy it first if a
#                 build may replace it while this runs)
#   CHROMIUM      Debian's chromium (headless printing)
#   SOFFICE       LibreOffice (docx → PDF)
#   ATS_DIR       the ATS harness (default ../shared/ats beside the repo)
#   ATS_HOME      its install (default ~/.cache/ats-harness; ATS_DIR/setup.sh)
#   CORPUS_VENV   a venv with typst, pikepdf and fontTools; created if missing
#                 (default ~/.cache/vita-check-corpus/venv)
# Also: qpdf, pdftoppm (poppler-utils).
#
# Chromium and LibreOffice stamp the time of the run into their PDFs, so their
# bytes change from run to run; the harness figures do not. Everything else
# (vita, Typst with a fixed timestamp, pikepdf with deterministic IDs, the
# Type 3 writer) is byte-for-byte reproducible.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="$HERE/corpus"
TOOLS="$HERE/corpus-tools"
cd "$ROOT"

VITA="${VITA:-target/release/vita}"
VITA="$(cd "$(dirname "$VITA")" && pwd)/$(basename "$VITA")"
CHROMIUM="${CHROMIUM:-chromium}"
SOFFICE="${SOFFICE:-soffice}"
ATS_DIR="${ATS_DIR:-$ROOT/../shared/ats}"
ATS_HOME="${ATS_HOME:-$HOME/.cache/ats-harness}"
ATS_PY="$ATS_HOME/venv/bin/python"
CORPUS_VENV="${CORPUS_VENV:-$HOME/.cache/vita-check-corpus/venv}"
PY="$CORPUS_VENV/bin/python"
SEED_EXPECTED="$ATS_DIR/cases/seed/expected.json"

for tool in "$VITA" "$CHROMIUM" "$SOFFICE" qpdf pdftoppm "$ATS_PY"; do
  command -v "$tool" >/dev/null || { echo "make-corpus: $tool not found" >&2; exit 1; }
done

# The corpus's own venv: the versions the committed files were made with.
if [ ! -x "$PY" ]; then
  python3 -m venv "$CORPUS_VENV"
  "$CORPUS_VENV/bin/pip" install -q typst==0.15.2 pikepdf==10.18.0 fonttools==4.69.1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/vita-corpus.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=0

# ── helpers ──────────────────────────────────────────────────────────────────

# new_case NAME: an empty case folder (the old one, if any, is removed).
new_case() {
  rm -rf "${CORPUS:?}/$1"
  mkdir -p "$CORPUS/$1"
}

# chromium_pdf HTML OUT: print an HTML file to PDF the way Chrome's "Save as
# PDF" does (A4 from the page's @page rule, no header or footer). A throwaway
# profile keeps runs independent.
chromium_pdf() {
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$WORK/chromium-profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "make-corpus: chromium wrote nothing for $1" >&2; exit 1; }
}

# inject_css HTML OUT CSS: the page with one more <style> at the end of <head>.
inject_css() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import sys
src, out, css = sys.argv[1:]
html = open(src, encoding="utf-8").read()
assert html.count("</head>") == 1
open(out, "w", encoding="utf-8").write(html.replace("</head>", f"<style>{css}</style></head>"))
PY
}

# seed_expected CASE: the PDF prints the seed résumé, so the harness's seed
# case says what must be recovered. (Its date is written with an em dash and
# its quotes straight; the harness normalises dashes and quotes, as it must
# for vita's own PDF, which prints "2020 – 2023".)
seed_expected() { cp "$SEED_EXPECTED" "$CORPUS/$1/expected.json"; }

# score CASE: the harness's verdict, slimmed to its deterministic part.
score() {
  local dir="$CORPUS/$1"
  "$ATS_PY" "$ATS_DIR/score.py" "$dir/resume.pdf" "$dir/expected.json" \
    --json "$dir/harness.json" -v >"$WORK/$1.score.txt"
  "$PY" "$TOOLS/harness_table.py" slim "$dir/harness.json"
  printf '%-22s %s\n' "$1" "$(tail -n 1 "$WORK/$1.score.txt")"
}

# ── sources ──────────────────────────────────────────────────────────────────

# The seed résumé as vita's PDF (classic theme, tagged: the base of the broken
# cases) and as vita's HTML page and Word document (what other tools print).
"$VITA" render data/resume.toml --theme classic -f pdf -o "$WORK/seed" -q
"$VITA" render data/resume.toml --theme ats -f html -o "$WORK/html-ats" -q
"$VITA" render data/resume.toml --theme sidebar -f html -o "$WORK/html-sidebar" -q
"$VITA" render data/resume.toml --theme tests/data/two-columns.toml -f html -o "$WORK/html-2col" -q
"$VITA" render data/resume.toml -f docx -o "$WORK/docx" -q
SEED_PDF="$WORK/seed/resume.pdf"

# ── made by other tools ──────────────────────────────────────────────────────

# 1. Chromium prints vita's one-column ATS theme (Skia/PDF: Type 0 CID
#    TrueType fonts with ToUnicode, tagged).
new_case chromium-one-column
chromium_pdf "$WORK/html-ats/resume.html" "$CORPUS/chromium-one-column/resume.pdf"
seed_expected chromium-one-column

# 2. Chromium prints a true two-column layout (tests/data/two-columns.toml:
#    experience left, a tinted column with contact and education right).
new_case chromium-two-columns
chromium_pdf "$WORK/html-2col/resume.html" "$CORPUS/chromium-two-columns/resume.pdf"
seed_expected chromium-two-columns

# 3. Chromium prints the sidebar theme (dates in a rail left of the entries).
new_case chromium-sidebar
chromium_pdf "$WORK/html-sidebar/resume.html" "$CORPUS/chromium-sidebar/resume.pdf"
seed_expected chromium-sidebar

# 4. LibreOffice converts vita's Word document (simple TrueType fonts,
#    WinAnsi, substituted by fontconfig; untagged). A private profile: HOME
#    may be read-only or shared.
new_case libreoffice-docx
mkdir -p "$WORK/lo-home" "$WORK/lo"
HOME="$WORK/lo-home" "$SOFFICE" --headless --norestore --convert-to pdf \
  --outdir "$WORK/lo" "$WORK/docx/resume.docx" >/dev/null 2>&1
cp "$WORK/lo/resume.pdf" "$CORPUS/libreoffice-docx/resume.pdf"
seed_expected libreoffice-docx

# 5. Typst compiles benches/resume.typ (the seed as a Typst document; Typst's
#    own Libertinus Serif, CFF CID fonts, justified and hyphenated). Its
#    quotes are curly where the seed's are straight, and its date has an en
#    dash: the harness normalises both, so the seed's case applies.
new_case typst
"$PY" - "$CORPUS/typst/resume.pdf" <<'PY'
import sys, typst
typst.compile("benches/resume.typ", output=sys.argv[1], font_paths=["fonts"],
              ignore_system_fonts=True, timestamp=946684800)  # 2000-01-01, as vita
PY
seed_expected typst

# 6–7. The seed PDF rewritten by qpdf, the way optimisers and other writers
#    store it: with object streams and a cross-reference stream (PDF 1.5, as
#    Word, Acrobat and Ghostscript write), and linearized ("fast web view": a
#    first-page cross-reference section before the main one). Same text.
new_case object-streams
qpdf --object-streams=generate --deterministic-id "$SEED_PDF" "$CORPUS/object-streams/resume.pdf"
seed_expected object-streams
new_case linearized
qpdf --linearize --deterministic-id "$SEED_PDF" "$CORPUS/linearized/resume.pdf"
seed_expected linearized

# ── broken on purpose ────────────────────────────────────────────────────────

# 8. vita's seed PDF with every /ToUnicode removed: Identity-H codes are
#    glyph ids, so only /ActualText spans (small-caps headings, hyphenated
#    words) still read as text.
new_case no-tounicode
"$PY" "$TOOLS/breakpdf.py" no-tounicode "$SEED_PDF" "$CORPUS/no-tounicode/resume.pdf"
seed_expected no-tounicode

# 9–10. A one-page résumé (not the seed) drawn with Type 3 fonts whose glyph
#    procedures are Lato's outlines. type3-font: glyphs /g1 /g2 … by first
#    use, no ToUnicode, so nothing can read it. type3-named: ASCII codes and
#    standard glyph names, which extractors map to Unicode.
for names in opaque standard; do
  case "$names" in opaque) c=type3-font ;; standard) c=type3-named ;; esac
  new_case "$c"
  cat >"$CORPUS/$c/resume.md" <<'MD'
# Jordan Lee

jordan.lee@example.org · +1 503 555 0187 · Portland, OR

## Summary

Backend engineer with eight years of experience building payment systems and data pipelines for small, fast-growing teams.

## Experience

### Fernhill Labs — Senior Software Engineer

2019 – 2024 · Portland, OR

- Designed a double-entry ledger service in Go that settles two million card payments a day.
- Cut the nightly settlement batch from six hours to forty minutes by moving it to Apache Spark.
- Mentored five engineers and ran the weekly architecture review for the payments group.

### Bluewater Analytics — Software Engineer

2015 – 2019 · Seattle, WA

- Built ingestion pipelines in Python and Kafka for point-of-sale data from 900 retail stores.
- Replaced a tangle of cron jobs with Airflow workflows that alert and retry on failure.

## Education

### Oregon State University

B.S. in Computer Science · 2011 – 2015

## Skills

- Languages: Go, Python, SQL, Java
- Tools: Kafka, Spark, Airflow, PostgreSQL, AWS
MD
  # The draft is the expected.json as it stands (reviewed once by hand);
  # --check confirms each string is in the Markdown, which type3.py prints
  # as written.
  "$ATS_PY" "$ATS_DIR/tools/md2expected.py" "$CORPUS/$c/resume.md" >"$CORPUS/$c/expected.json"
  "$ATS_PY" "$ATS_DIR/tools/md2expected.py" "$CORPUS/$c/resume.md" --check "$CORPUS/$c/expected.json" >/dev/null
  "$PY" "$TOOLS/type3.py" "$CORPUS/$c/resume.md" "$CORPUS/$c/resume.pdf" \
    --names "$names" --font-dir fonts/lato
done

# 11. A scan: the seed PDF's pages as 100 dpi grey JPEGs (quality 50), one
#    image per page, no text layer.
new_case scanned
pdftoppm -r 100 -gray -jpeg -jpegopt quality=50 "$SEED_PDF" "$WORK/scan"
"$PY" "$TOOLS/breakpdf.py" scanned "$CORPUS/scanned/resume.pdf" "$WORK"/scan-*.jpg --dpi 100
seed_expected scanned

# 12. Keyword stuffing: white Helvetica text in page 1's bottom margin.
new_case white-text
"$PY" "$TOOLS/breakpdf.py" white-text "$SEED_PDF" "$CORPUS/white-text/resume.pdf"
seed_expected white-text

# 13. Letter-spaced headings: CSS letter-spacing 0.4em on h2, printed by
#     Chromium, which places each letter on its own.
new_case letter-spaced
inject_css "$WORK/html-ats/resume.html" "$WORK/letter-spaced.html" 'h2{letter-spacing:0.4em !important}'
chromium_pdf "$WORK/letter-spaced.html" "$CORPUS/letter-spaced/resume.pdf"
seed_expected letter-spaced

# 14. Headings typed with spaces between the letters ("S U M M A R Y"), as
#     people do by hand in Word. The heading the ATS must find is still
#     "Education": the expected.json is the seed's, so the heading is not
#     printed verbatim here, on purpose.
new_case letter-spaced-typed
"$PY" - "$WORK/html-ats/resume.html" "$WORK/letter-spaced-typed.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
html, n = re.subn(r"(<h2[^>]*>)([^<]+)(</h2>)", lambda m: m[1] + " ".join(m[2]) + m[3], html)
assert n >= 3, n
open(sys.argv[2], "w", encoding="utf-8").write(html)
PY
chromium_pdf "$WORK/letter-spaced-typed.html" "$CORPUS/letter-spaced-typed/resume.pdf"
seed_expected letter-spaced-typed

# 15. Tiny text: every element at 6 pt (the whole seed fits on one page).
new_case tiny-text
inject_css "$WORK/html-ats/resume.html" "$WORK/tiny.html" '*{font-size:6pt !important;line-height:1.2 !important}'
chromium_pdf "$WORK/tiny.html" "$CORPUS/tiny-text/resume.pdf"
seed_expected tiny-text

# 16. LibreOffice with a running header and footer, and one long paragraph
#     that runs across the page break: every extractor reads the footer and
#     the next header into it (corpus-tools/running-footer.fodt, from a
#     review of vita check; its expected.json beside it).
new_case libreoffice-running-footer
HOME="$WORK/lo-home" "$SOFFICE" --headless --norestore --convert-to pdf \
  --outdir "$WORK/lo" "$TOOLS/running-footer.fodt" >/dev/null 2>&1
cp "$WORK/lo/running-footer.pdf" "$CORPUS/libreoffice-running-footer/resume.pdf"
cp "$TOOLS/running-footer.expected.json" "$CORPUS/libreoffice-running-footer/expected.json"

# ── verdicts ─────────────────────────────────────────────────────────────────

for dir in "$CORPUS"/*/; do
  qpdf --check "$dir/resume.pdf" >/dev/null  # every PDF is structurally valid
  score "$(basename "$dir")"
done
"$PY" "$TOOLS/harness_table.py" table "$CORPUS" --readme "$CORPUS/README.md" >/dev/null
echo "make-corpus: $(ls -d "$CORPUS"/*/ | wc -l) cases; README table updated"
