#!/usr/bin/env bash
# Side-by-side speed of nashra and the Piper CLI (PyPI piper-tts) on the same text and voice.
#
#   scripts/compare-piper.sh [TEXT_FILE] [ROUNDS]
#
# Uses the test voice en_US-joe-medium that scripts/setup.sh fetches, installs piper-tts 1.8.0
# into .deps/piper-cli (a Python venv, with the newest onnxruntime) and again into
# .deps/piper-cli-ort1.24.4 (with onnxruntime 1.24.4, the version nashra links), and times,
# ROUNDS times each (median printed):
#   piper   : `piper -m MODEL -i TEXT -f out.wav` (process start to WAV written)
#   piper124: the same with onnxruntime 1.24.4
#   say     : `nashra say --no-cache --file TEXT -o out.wav` (same; one voice per core)
#   brief   : `nashra brief TEXT --no-cache` (the whole programme: WAV, MP3, chapters, ...)
# Run it on an otherwise idle machine: the figures are wall-clock times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEXT="${1:-$ROOT/benches/piper-compare.txt}"
ROUNDS="${2:-3}"
VENV="$ROOT/.deps/piper-cli"
VENV_124="$ROOT/.deps/piper-cli-ort1.24.4"
MODEL="$ROOT/.deps/voices/en_US-joe-medium/en_US-joe-medium.onnx"
NASHRA="$ROOT/target/release/nashra"
export NASHRA_HOME="${NASHRA_HOME:-$ROOT/.deps/home}"

[ -x "$NASHRA" ] && [ -s "$MODEL" ] || "$ROOT/scripts/setup.sh"
ensure_piper() { # ensure_piper VENV [EXTRA_PACKAGE...]: piper-tts 1.8.0 in a venv
  local venv="$1"
  shift
  [ -x "$venv/bin/piper" ] && return
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check piper-tts==1.8.0 "$@"
}
ensure_piper "$VENV"
ensure_piper "$VENV_124" onnxruntime==1.24.4

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$TEXT" "$work/text.txt"

seconds_of() { # seconds_of CMD... : wall time of one run, in seconds
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
audio_seconds() { python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print('%.1f' % (w.getnframes()/w.getframerate()))" "$1"; }

run_piper() { "$VENV/bin/piper" -m "$MODEL" -i "$work/text.txt" -f "$work/piper.wav"; }
run_piper124() { "$VENV_124/bin/piper" -m "$MODEL" -i "$work/text.txt" -f "$work/piper124.wav"; }
run_say() { "$NASHRA" --quiet say --no-cache --voice en_US-joe-medium --file "$work/text.txt" -o "$work/say.wav"; }
run_brief() { rm -rf "$work/out"; "$NASHRA" --quiet brief "$work/text.txt" --voice en_US-joe-medium --no-cache --out "$work/out"; }

declare -A wall
for tool in piper piper124 say brief; do
  wall[$tool]=$(for _ in $(seq "$ROUNDS"); do seconds_of "run_$tool"; done | median)
done
brief_wav=$(ls "$work"/out/*/briefing.wav)
piper_ort=$("$VENV/bin/python" -c 'import onnxruntime; print(onnxruntime.__version__)')
printf '%-8s %8s %8s\n' tool "wall s" "audio s"
printf '%-8s %8s %8s  (onnxruntime %s)\n' piper "${wall[piper]}" "$(audio_seconds "$work/piper.wav")" "$piper_ort"
printf '%-8s %8s %8s  (onnxruntime 1.24.4, as nashra)\n' piper124 "${wall[piper124]}" "$(audio_seconds "$work/piper124.wav")"
printf '%-8s %8s %8s\n' say "${wall[say]}" "$(audio_seconds "$work/say.wav")"
printf '%-8s %8s %8s  (WAV + MP3 + chapters + transcript)\n' brief "${wall[brief]}" "$(audio_seconds "$brief_wav")"
