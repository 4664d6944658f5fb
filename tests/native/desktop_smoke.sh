#!/usr/bin/env bash
# desktop_smoke.sh: the desktop program under Xvfb: --screenshot writes a non-blank PNG
# for a step and a state file; bad flags and bad files exit 2 with one clear line, quickly
# and without reading a device or a huge file; a screenshot that cannot be written is one.
set -euo pipefail
BIN="$1"
OUT="${2:-$(mktemp -d)}"
mkdir -p "$OUT"
HERE="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }

# One X server for the whole script: a fresh xvfb-run per command could fail in its own clean-up
# (exit 5) when other X servers come and go on a busy machine, which is not the program's doing.
if [ -z "${AT_SMOKE_UNDER_XVFB:-}" ]; then
  AT_SMOKE_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
run() { "$@"; }

run "$BIN" --screenshot "$OUT/desktop-step1.png" --size 1280x800
run "$BIN" --screenshot "$OUT/desktop-softmax.png" --size 1280x800 --step softmax
run "$BIN" --screenshot "$OUT/desktop-narrow.png" --size 420x800 --step 4
run "$BIN" --screenshot "$OUT/desktop-state.png" --state "$HERE/three_tokens_state.json"
/usr/bin/python3 "$HERE/check_png.py" "$OUT/desktop-step1.png" 1280 800
/usr/bin/python3 "$HERE/check_png.py" "$OUT/desktop-softmax.png" 1280 800
/usr/bin/python3 "$HERE/check_png.py" "$OUT/desktop-narrow.png" 420 800
/usr/bin/python3 "$HERE/check_png.py" "$OUT/desktop-state.png" 1280 800

# Any script a learner types is drawn from the system's fonts (issue 23): tokens and dimension
# labels in Cyrillic, Chinese and Arabic on every step, with no character left without a glyph
# (the program says how many there were); a private-use character no font has is reported.
printf '%s' '{"preset": "three-tokens", "tokens": ["кот", "猫", "سلام"], "dimensionLabels": ["живое", "动物", "كلمة", "δ"]}' \
  > "$OUT/scripts-state.json"
for step in $(seq 1 "$("$BIN" --help | sed -n 's/.*--step N|ID .*(1-\([0-9]*\)).*/\1/p')"); do
  err=$("$BIN" --screenshot "$OUT/scripts-step$step.png" --size 1280x800 --step "$step" --state "$OUT/scripts-state.json" 2>&1)
  if printf '%s' "$err" | grep -q "no glyph"; then fail "step $step: $err"; fi
done
/usr/bin/python3 "$HERE/check_png.py" "$OUT/scripts-step7.png" 1280 800
printf '%s' '{"preset": "three-tokens", "tokens": ["x\udb80\udc01", "b", "c"]}' > "$OUT/private-use-state.json"
err=$("$BIN" --screenshot "$OUT/private-use.png" --size 1280x800 --step 7 --state "$OUT/private-use-state.json" 2>&1)
printf '%s' "$err" | grep -q "have no glyph in this system's fonts" || fail "a character no font has is not reported: $err"

# A refused run must stop within seconds and never load a whole device or huge file: the
# timeout and the memory cap turn a hang or an unbounded read into a failure here.
expect_usage_error() {
  local expected="$1"; shift
  set +e
  local err
  err=$(ulimit -v 4000000; timeout -k 5 20 "$BIN" "$@" 2>&1 >/dev/null)
  local code=$?
  set -e
  [ "$code" = 2 ] || fail "'$*' exited $code, expected 2"
  [ "$(printf '%s\n' "$err" | grep -c .)" = 1 ] || fail "'$*' printed more than one line: $err"
  printf '%s\n' "$err" | grep -qF -- "$expected" || fail "'$*' said '$err', expected '$expected'"
}
expect_usage_error "unknown option '--bogus'" --bogus
expect_usage_error "--size must look like" --size 12by8
STEPS=$("$BIN" --help | sed -n 's/.*--step N|ID .*(1-\([0-9]*\)).*/\1/p')
[ -n "$STEPS" ] || fail "--help does not give the number of steps"
expect_usage_error "--step must be a number from 1 to $STEPS or a step id (why, tokens" --step $((STEPS + 1))
expect_usage_error "not 'nowhere'" --step nowhere
expect_usage_error "needs a value" --screenshot
expect_usage_error "cannot read state file" --state /nonexistent/state.json --screenshot "$OUT/x.png"
echo '{"step": "two"}' > "$OUT/bad-state.json"
expect_usage_error "not a valid lesson state: step must be a whole number" --state "$OUT/bad-state.json" --screenshot "$OUT/x.png"
printf 'not json' > "$OUT/garbage.json"
expect_usage_error "not a valid lesson state" --state "$OUT/garbage.json" --screenshot "$OUT/x.png"
expect_usage_error "cannot read state file '/dev/zero': it is a character device, not a regular file" \
  --state /dev/zero --screenshot "$OUT/x.png"
mkdir -p "$OUT/state-dir.json"
expect_usage_error "it is a directory, not a regular file" --state "$OUT/state-dir.json" --screenshot "$OUT/x.png"
rm -f "$OUT/state.fifo" && mkfifo "$OUT/state.fifo"
expect_usage_error "it is a FIFO, not a regular file" --state "$OUT/state.fifo" --screenshot "$OUT/x.png"
rm -f "$OUT/huge.json" && truncate -s 6G "$OUT/huge.json"  # sparse: takes no disk space
expect_usage_error "it is larger than 4 MB" --state "$OUT/huge.json" --screenshot "$OUT/x.png"
rm -f "$OUT/huge.json"
[ ! -e "$OUT/x.png" ] || fail "a refused run still wrote a screenshot"
# /dev/full through a link: a writer that wrongly replaced a device by a rename would then
# replace the link, not the machine's /dev/full (tests may run as root).
ln -sfn /dev/full "$OUT/full.png"
expect_usage_error "cannot write screenshot '$OUT/full.png': No space left on device" --screenshot "$OUT/full.png"
[ -c "$OUT/full.png" ] || fail "the screenshot replaced the link to /dev/full"
expect_usage_error "cannot write screenshot '$OUT/no-such-dir/y.png'" --screenshot "$OUT/no-such-dir/y.png"
"$BIN" --help | grep -q "usage: attention-tour" || fail "--help"
echo "desktop smoke: ok"
