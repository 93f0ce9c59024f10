#!/usr/bin/env bash
# Fuzzes one target with cargo-fuzz (libFuzzer) for a while:
#   scripts/fuzz.sh resume|theme|theme_set|render [SECONDS]     (default 600)
# Needs a nightly toolchain and `cargo install cargo-fuzz`. The corpus
# grows in fuzz/corpus/TARGET and is seeded from data/, layouts/ and the
# bad-input corpus in tests/bad/; a crash is saved in fuzz/artifacts/TARGET.
# libFuzzer's log (with the final `stat::number_of_executed_units`) is
# fuzz/fuzz-0.log. It runs niced, one job, so the machine stays usable.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
target=${1:?usage: scripts/fuzz.sh resume|theme|theme_set|render [SECONDS]}
seconds=${2:-600}
# Renders are slow under the sanitizer on a busy, niced core, so render
# inputs are capped at 16 kB (longer seeds are truncated) and the time limit
# for one input, which catches hangs, is generous.
max_len=()
case "$target" in
  theme) seeds=(../layouts ../tests/bad) ;;
  theme_set) seeds=(../tests/fuzz_regressions/theme_set) ;;
  resume) seeds=(../data ../tests/bad ../tests/fuzz_regressions) ;;
  render) seeds=(../data ../tests/bad ../tests/fuzz_regressions); max_len=(-max_len=16384) ;;
  *) echo "unknown target $target (resume, theme, theme_set or render)" >&2; exit 2 ;;
esac
existing=()
for dir in "${seeds[@]}"; do [ -d "$dir" ] && existing+=("$dir"); done
mkdir -p "corpus/$target"
exec nice -n 15 cargo +nightly fuzz run -O "$target" "corpus/$target" "${existing[@]}" -- \
  -jobs=1 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  "${max_len[@]}"
