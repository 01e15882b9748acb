#!/usr/bin/env bash
# Set up a fresh machine (idempotent) and run the whole test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# A debug build shares its compiled dependencies with `cargo test`.
NASHRA_PROFILE=debug NASHRA_HOME="${NASHRA_HOME:-$ROOT/.deps/home}" "$ROOT/scripts/setup.sh"
cargo test --locked "$@"
