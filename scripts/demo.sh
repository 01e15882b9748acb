#!/usr/bin/env bash
# Set up a fresh machine (idempotent) and make today's briefing from the bundled samples.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
"$ROOT/target/release/nashra" brief "$ROOT/samples" --out "$ROOT/out" "$@"
