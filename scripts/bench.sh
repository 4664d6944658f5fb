#!/usr/bin/env bash
# bench.sh [MAX_N]: benchmarks, never tests (timings on shared machines are noisy):
#  1. direct versus tiled attention, d = 64, n = 64..MAX_N (default 4096), natively and
#     as wasm under node; medians of repeated runs in ms and GFLOP/s.
#  2. the cost lab's float32 kernels (core/fast_attention.h), the same source natively (SSE),
#     as wasm SIMD under node, and in the page's worker in headless Chromium (n = 4096): GFLOP/s
#     on one core and its share of that core's SIMD peak (measured: multiply-adds in registers);
#     natively also every core at once (one thread per slice of the queries) and the speed-up.
#     The WebGPU kernels (shaders/*.wgsl) in the page under Chromium's SwiftShader adapter (a
#     GPU in software: the times are not a GPU's), n = 256..1024, with the tiled / direct ratio.
#  3. training the learning step's tiny models on their default schedules, natively, as wasm
#     under node and in the page's lab worker in headless Chromium, over several seeds.
#  4. the page budget: gzip transfer size of build/site, time to first frame in headless
#     Chromium on loopback, and frame CPU time while interacting.
#
# bench.sh gpu [MAX_N]: on a machine with a real GPU and a display, builds the page and times the
# WebGPU kernels in Chromium with its GPU on (n = 256..MAX_N, default 8192), printing the tiled /
# direct ratio there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = gpu ]; then
  bash scripts/setup.sh >/dev/null
  cmake --preset web >/dev/null && cmake --build --preset web --target attention-tour lab-worker >/dev/null
  node tests/bench/gpu_page.mjs 5 "${2:-8192}" --real-gpu
  exit 0
fi
MAX_N="${1:-4096}"
bash scripts/setup.sh >/dev/null
export NODE_PATH=/usr/share/nodejs
cmake --preset native >/dev/null && cmake --build --preset native --target attention_bench fast_bench training_bench >/dev/null
# The wasm benchmark is built -O3 like the native one; the page's own wasm is size-optimised.
cmake --preset web-bench >/dev/null && cmake --build --preset web-bench --target attention_bench fast_bench training_bench >/dev/null
cmake --preset web >/dev/null && cmake --build --preset web --target attention-tour >/dev/null
echo "== attention, native (g++ -O3)"
build/native/tests/attention_bench "$MAX_N"
echo "== attention, wasm under node ($(node --version)), default tiering"
node --no-experimental-fetch build/web-bench/tests/attention_bench.js "$MAX_N"
# V8 has no on-stack replacement for wasm: a function entered once with a long loop keeps
# running its baseline (Liftoff) code. --no-liftoff shows the optimised code's speed.
echo "== attention, wasm under node, optimising compiler only (--no-liftoff)"
node --no-experimental-fetch --no-liftoff build/web-bench/tests/attention_bench.js "$MAX_N"
echo "== cost lab kernels (float32, 4-wide SIMD), native (g++ -O3, SSE baseline): one core, then every core"
build/native/tests/fast_bench "$MAX_N"
echo "== cost lab kernels, wasm SIMD under node, default tiering"
node --no-experimental-fetch build/web-bench/tests/fast_bench.js "$MAX_N"
echo "== cost lab kernels, wasm SIMD under node, --no-liftoff"
node --no-experimental-fetch --no-liftoff build/web-bench/tests/fast_bench.js "$MAX_N"
echo "== cost lab in the page (headless Chromium, the page's workers: one core, then every core)"
node tests/bench/cost_lab_page.mjs 5 "$MAX_N"
echo "== cost lab on the GPU in the page (headless Chromium, --enable-unsafe-webgpu: SwiftShader, a GPU in software)"
node tests/bench/gpu_page.mjs 3 1024
echo "== training, native (g++ -O3)"
build/native/tests/training_bench 5
echo "== training, wasm under node"
node --no-experimental-fetch build/web-bench/tests/training_bench.js 5
echo "== training in the page (headless Chromium, the page's lab worker)"
node tests/bench/training_page.mjs 5
echo "== CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== page budget"
node tests/bench/page_budget.mjs
