#!/usr/bin/env bash
# Fuzz nashra's parsers with cargo-fuzz (libFuzzer, nightly toolchain).
#
#   scripts/fuzz.sh                 every target for 600 s
#   scripts/fuzz.sh 60              every target for 60 s
#   scripts/fuzz.sh 600 parse_feed  one target
#
# Corpora live in fuzz/corpus/TARGET and grow as the fuzzer finds new paths; crashes, hangs
# (over 30 s on one input: generous, as a loaded machine slows the sanitized build) and runaway
# memory (over 2 GiB) land in fuzz/artifacts/TARGET and fail the run. Reproduce one with: cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/FILE
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-600}"
shift || true
ALL_TARGETS=(extract_html extract_text_dump parse_feed normalize parse_settings rewrite_model)
if [ "$#" -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

say() { printf 'fuzz: %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "the nightly toolchain is needed: rustup toolchain install nightly"
  exit 2
fi
if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
# The library links the ONNX Runtime that setup fetches; a debug setup is enough.
if [ ! -d "$ROOT/.deps/onnxruntime" ]; then
  NASHRA_PROFILE=debug "$ROOT/scripts/setup.sh"
fi

# Read-only seeds: the project's own fixtures (new inputs are written to fuzz/corpus/TARGET).
seeds_of() {
  case "$1" in
    extract_html) echo tests/fixtures/extraction samples ;;
    extract_text_dump) echo samples ;;
    parse_feed) echo tests/fixtures/feeds ;;
    parse_settings) echo voices ;;
    *) ;;
  esac
}

cd "$ROOT"
# The fuzz binaries link the ONNX Runtime library from .deps (no rpath reaches them).
export LD_LIBRARY_PATH="$ROOT/.deps/onnxruntime${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
status=0
for target in "${TARGETS[@]}"; do
  say "$target for ${SECONDS_PER_TARGET} s"
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  # shellcheck disable=SC2046
  if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" $(seeds_of "$target") -- \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 \
      2> >(tee "fuzz/artifacts/$target/last-run.log" >&2); then
    say "$target FAILED: see fuzz/artifacts/$target/"
    status=1
  fi
done
exit "$status"
