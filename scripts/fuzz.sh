#!/usr/bin/env bash
# fuzz.sh SECONDS: builds the libFuzzer targets (compute, setState, share link, stored progress) with clang,
# ASan and UBSan, runs each for SECONDS, and exits non-zero if any finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
bash scripts/setup.sh >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
CORPUS_ROOT=build/fuzz/corpus
status=0
for target in compute_fuzz set_state_fuzz share_link_fuzz progress_fuzz; do
  corpus="$CORPUS_ROOT/$target"
  mkdir -p "$corpus"
  cp -n tests/fuzz/seeds/* "$corpus"/ 2>/dev/null || true
  echo "== $target for ${SECONDS_EACH}s"
  if ! "build/fuzz/tests/$target" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 \
      -artifact_prefix="build/fuzz/$target-" "$corpus" 2>"build/fuzz/$target.log"; then
    echo "fuzz: $target found a problem; see build/fuzz/$target.log" >&2
    tail -40 "build/fuzz/$target.log" >&2
    status=1
  else
    grep -E "^Done|#[0-9]+.*DONE" "build/fuzz/$target.log" | tail -1 || true
  fi
done
exit "$status"
