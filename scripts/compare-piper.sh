#!/usr/bin/env bash
# Side-by-side speed of nashra and the Piper CLI (PyPI piper-tts) on the same text and voice.
#
#   scripts/compare-piper.sh [TEXT_FILE] [ROUNDS]
#
# Uses the test voice en_US-joe-medium that scripts/setup.sh fetches, wherever it is installed:
# $NASHRA_HOME when set, else the default voice store (where scripts/demo.sh installs it), else
# .deps/home (where scripts/test.sh installs it); when none has it, it is installed into the
# default store from .deps/voices. Installs piper-tts 1.8.0 into .deps/piper-cli (a Python venv,
# with the newest onnxruntime) and times, ROUNDS times each (median printed):
#   piper   : `piper -m MODEL -i TEXT -f out.wav` (process start to WAV written)
#   say     : `nashra say --no-cache --file TEXT -o out.wav` (same)
#   first   : seconds until the first audio byte of `nashra say --no-cache --file TEXT -o -`
#   brief   : `nashra brief TEXT --no-cache` (the whole programme: WAV, MP3, chapters, ...)
# Run it on an otherwise idle machine: the figures are wall-clock times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEXT="${1:-$ROOT/benches/piper-compare.txt}"
ROUNDS="${2:-3}"
VENV="$ROOT/.deps/piper-cli"
VOICE=en_US-joe-medium
MODEL="$ROOT/.deps/voices/$VOICE/$VOICE.onnx"
NASHRA="$ROOT/target/release/nashra"

[ -x "$NASHRA" ] && [ -s "$MODEL" ] || "$ROOT/scripts/setup.sh"
voice_installed() { # voice_installed: is the test voice in the store NASHRA_HOME (or the default) names?
  "$NASHRA" voices list --json | python3 -c "import json,sys; sys.exit(0 if any(v['id']=='$VOICE' and v['installed'] for v in json.load(sys.stdin)) else 1)"
}
if [ -z "${NASHRA_HOME:-}" ] && ! voice_installed && NASHRA_HOME="$ROOT/.deps/home" voice_installed; then
  export NASHRA_HOME="$ROOT/.deps/home"
fi
voice_installed || "$NASHRA" --quiet voices install "$VOICE" --from "$(dirname "$MODEL")"
ensure_piper() { # ensure_piper VENV [EXTRA_PACKAGE...]: piper-tts 1.8.0 in a venv
  local venv="$1"
  shift
  [ -x "$venv/bin/piper" ] && return
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check piper-tts==1.8.0 "$@"
}
ensure_piper "$VENV"

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
run_say() { "$NASHRA" --quiet say --no-cache --voice "$VOICE" --file "$work/text.txt" -o "$work/say.wav"; }
run_brief() { rm -rf "$work/out"; "$NASHRA" --quiet brief "$work/text.txt" --voice "$VOICE" --no-cache --out "$work/out"; }
first_audio() { # seconds from start to the first byte after the 44-byte WAV header on the pipe
  python3 - "$NASHRA" "$VOICE" "$work/text.txt" <<'PY'
import subprocess, sys, time
nashra, voice, text = sys.argv[1:4]
start = time.monotonic()
p = subprocess.Popen([nashra, "--quiet", "say", "--no-cache", "--voice", voice, "--file", text, "-o", "-"],
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
got = b""
while len(got) < 45:
    chunk = p.stdout.read1(4096)
    if not chunk:
        break
    got += chunk
first = time.monotonic() - start
p.stdout.read()
p.wait()
print("%.3f" % first if len(got) >= 45 else "nan")
PY
}

declare -A wall
for tool in piper say brief; do
  wall[$tool]=$(for _ in $(seq "$ROUNDS"); do seconds_of "run_$tool"; done | median)
done
wall[first]=$(for _ in $(seq "$ROUNDS"); do first_audio; done | median)
brief_wav=$(ls "$work"/out/*/briefing.wav)
piper_ort=$("$VENV/bin/python" -c 'import onnxruntime; print(onnxruntime.__version__)')
printf '%-8s %8s %8s\n' tool "wall s" "audio s"
printf '%-8s %8s %8s  (onnxruntime %s)\n' piper "${wall[piper]}" "$(audio_seconds "$work/piper.wav")" "$piper_ort"
printf '%-8s %8s %8s  (%.2fx piper)\n' say "${wall[say]}" "$(audio_seconds "$work/say.wav")" "$(awk -v a="${wall[say]}" -v b="${wall[piper]}" 'BEGIN { print a / b }')"
printf '%-8s %8s %8s  (time to the first audio byte of say -o -)\n' first "${wall[first]}" -
printf '%-8s %8s %8s  (WAV + MP3 + chapters + transcript)\n' brief "${wall[brief]}" "$(audio_seconds "$brief_wav")"
