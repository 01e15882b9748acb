#!/usr/bin/env bash
# Set up a fresh machine (idempotent), check formatting and lints, and run the whole test suite
# (unit tests, the integration suite, the fuzz-corpus replay and the doctests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# A debug build shares its compiled dependencies with `cargo test`.
NASHRA_PROFILE=debug NASHRA_HOME="${NASHRA_HOME:-$ROOT/.deps/home}" "$ROOT/scripts/setup.sh"
if command -v rustup >/dev/null; then
  rustup component add clippy rustfmt >/dev/null 2>&1 || true
fi
cargo fmt --check
python3 scripts/long-functions.py
cargo clippy --locked --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --lib
cargo test --locked "$@"
