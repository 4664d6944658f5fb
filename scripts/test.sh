#!/usr/bin/env bash
# test.sh: sets up what is missing, checks that the C++ sources follow .clang-format, builds
# native, web and the sanitizer build, and runs every test registered with ctest (core and
# lesson suites natively, as wasm under node and under ASan/UBSan; the headless view test;
# the desktop smoke test under Xvfb; the browser tests in Chromium). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export NODE_PATH=/usr/share/nodejs
status=0
echo "== format: every C++ source follows .clang-format"
if ! git ls-files -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' | xargs clang-format --dry-run --Werror; then
  echo "test.sh: run clang-format -i on the files above" >&2
  status=1
fi
for preset in native web web-single asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
for preset in native web asan; do
  echo "== $preset: tests"
  ctest --preset "$preset" || status=1
done
if [ "${AT_FUZZ_SECONDS:-10}" != 0 ]; then
  echo "== fuzz: ${AT_FUZZ_SECONDS:-10} s per target"
  bash scripts/fuzz.sh "${AT_FUZZ_SECONDS:-10}" || status=1
fi
if [ "$status" = 0 ]; then echo "test.sh: all tests passed"; else echo "test.sh: FAILURES above" >&2; fi
exit "$status"
